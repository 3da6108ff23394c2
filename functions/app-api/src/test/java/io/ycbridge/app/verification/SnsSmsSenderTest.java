package io.ycbridge.app.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** SNS Publish to a phone as the function sends it — the Query API, SigV4-signed — against moto's SNS. */
@ExtendWith(MotoServerExtension.class)
class SnsSmsSenderTest {
    private final MotoServer moto;
    private final MotoSms sms;

    SnsSmsSenderTest(MotoServer moto) {
        this.moto = moto;
        this.sms = new MotoSms(moto);
    }

    @Test
    void aTextReachesThePhoneWithEveryCharacterIntact() throws Exception {
        sms.sender().send("+79990001122", "Код ycbridge: 123456 & ещё = 10 мин");

        assertEquals("Код ycbridge: 123456 & ещё = 10 мин", sms.textsTo("+79990001122").getLast());
    }

    @Test
    void aRefusalNamesSnsErrorCodeButNeverThePhoneOrTheText() {
        SmsSender.SmsNotSentException refused = assertThrows(SmsSender.SmsNotSentException.class,
                () -> sms.sender().send("not-a-phone", "code 654321"));

        assertTrue(refused.getMessage().contains("HTTP 400"), refused.getMessage());
        assertFalse(refused.getMessage().contains("654321") || refused.getMessage().contains("not-a-phone"), refused.getMessage());
    }

    @Test
    void anUnreachableSnsIsNotSentNeverSilent() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        SnsSmsSender nowhere = new SnsSmsSender(UrlConnectionHttpClient.create(), URI.create("http://127.0.0.1:" + closed),
                MotoServer.REGION, StaticCredentialsProvider.create(MotoServer.CREDENTIALS));

        assertThrows(SmsSender.SmsNotSentException.class, () -> nowhere.send("+79990001122", "code 111111"));
    }
}
