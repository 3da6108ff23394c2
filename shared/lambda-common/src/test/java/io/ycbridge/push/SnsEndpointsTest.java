package io.ycbridge.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The platform endpoint calls against moto's SNS, in the SNS Query API's wire format. */
@ExtendWith(MotoServerExtension.class)
class SnsEndpointsTest {
    private static final AtomicInteger RUN = new AtomicInteger();
    private final MotoPush moto;
    private final SnsEndpoints sns;

    SnsEndpointsTest(MotoServer server) {
        this.moto = new MotoPush(server);
        this.sns = moto.endpoints();
    }

    @Test
    void theSameTokenIsTheSameEndpoint() {
        String application = moto.application("app-" + RUN.incrementAndGet(), "GCM");
        String token = "fcm-token-" + RUN.get();

        String first = sns.create(application, token);
        String again = sns.create(application, token);

        assertEquals(first, again);
        assertEquals(new SnsEndpoints.Attributes(token, true), sns.attributes(first).orElseThrow());
    }

    @Test
    void aDisabledEndpointIsFoundByItsTokenAndEnabledAgain() {
        String application = moto.application("app-" + RUN.incrementAndGet(), "APNS");
        String token = "apns-token-" + RUN.get();
        String endpoint = sns.create(application, token);
        moto.disable(endpoint);
        assertEquals(SnsEndpoints.Delivery.DISABLED, sns.publish(endpoint, "{\"default\":\"x\"}"));

        assertEquals(endpoint, sns.create(application, token), "SNS's refusal names the endpoint the token has");
        sns.enable(endpoint, token);

        assertTrue(sns.attributes(endpoint).orElseThrow().enabled());
        assertEquals(SnsEndpoints.Delivery.SENT, sns.publish(endpoint, "{\"default\":\"hello\",\"APNS\":\"{}\"}"));
        assertEquals("hello", moto.pushedTo(endpoint).getFirst().path("default").asText());
    }

    @Test
    void aDeletedEndpointIsGoneAndDeletingItAgainIsNoError() {
        String application = moto.application("app-" + RUN.incrementAndGet(), "GCM");
        String endpoint = sns.create(application, "token-" + RUN.get());

        sns.delete(endpoint);
        sns.delete(endpoint);

        assertFalse(sns.attributes(endpoint).isPresent());
        assertEquals(SnsEndpoints.Delivery.GONE, sns.publish(endpoint, "{\"default\":\"x\"}"));
    }

    @Test
    void anUnknownApplicationIsRefusedWithoutTheToken() {
        PushUnavailableException refused = org.junit.jupiter.api.Assertions.assertThrows(PushUnavailableException.class,
                () -> sns.create("arn:aws:sns:us-east-1:123456789012:app/GCM/missing", "secret-token-value"));
        assertFalse(refused.getMessage().contains("secret-token-value"), refused.getMessage());
    }
}
