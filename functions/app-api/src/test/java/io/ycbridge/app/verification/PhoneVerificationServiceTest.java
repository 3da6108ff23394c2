package io.ycbridge.app.verification;

import io.ycbridge.fixture.Tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.localaws.MotoServer;
import io.ycbridge.localaws.MotoServerExtension;
import io.ycbridge.simulator.MovableClock;
import io.ycbridge.observe.DecisionLog;
import io.ycbridge.observe.LogSink;
import io.ycbridge.phone.PhoneNormalizer;
import io.ycbridge.app.verification.PhoneVerificationStore.State;
import io.ycbridge.table.TableDefinitions;
import io.ycbridge.app.verification.PhoneVerificationService.LimitedException;
import io.ycbridge.app.verification.PhoneVerificationService.WrongCodeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Against DynamoDB Local and moto's SNS: the code is read back from what moto "sent" to the phone. */
@ExtendWith({LocalDynamoDbExtension.class, MotoServerExtension.class})
class PhoneVerificationServiceTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final DynamoDbClient dynamoDb;
    private final MotoSms sms;
    /**
     * Five past the hour, a day ahead of the wall clock: DynamoDB Local deletes items whose TTL attribute has passed in
     * real time, which would make a fixed past date look like expiry.
     */
    private final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1)).plusSeconds(300));
    private final LogSink.Captured logs = new LogSink.Captured();
    private PhoneVerificationStore store;
    private PhoneVerificationService service;
    private String table;
    /** A phone of this test alone: moto keeps every SMS of the run. */
    private String phone;

    PhoneVerificationServiceTest(DynamoDbClient dynamoDb, MotoServer moto) {
        this.dynamoDb = dynamoDb;
        this.sms = new MotoSms(moto);
    }

    @BeforeEach
    void fresh() {
        table = Tables.create(dynamoDb, TableDefinitions.PHONE_VERIFICATIONS);
        SEQUENCE.incrementAndGet();
        store = new PhoneVerificationStore(dynamoDb, table);
        service = new PhoneVerificationService(store, sms.sender(), PhoneNormalizer.russia(), VerificationRules.DEFAULT,
                clock, new DecisionLog("phone-verification", logs, clock));
        phone = String.format("+7999%07d", ProcessHandle.current().pid() % 1000 * 10_000 + SEQUENCE.get());
    }

    @Test
    void theCodeReachesThePhoneThroughSnsAndProvesIt() throws Exception {
        assertEquals(Duration.ofMinutes(10), service.send("user-1", phone).expiresIn());

        assertEquals(1, sms.textsTo(phone).size(), "one SMS to the number");
        String code = sms.lastCodeTo(phone);
        PhoneVerificationService.Proven proven = service.verify("user-1", phone, code);

        assertEquals(clock.instant().plus(Duration.ofMinutes(15)), proven.until());
        assertEquals(State.PROVEN, store.code("user-1", phone).orElseThrow().state());
        String items = dynamoDb.scan(scan -> scan.tableName(table)).items().toString();
        assertFalse(items.contains(code), "the code is never stored in clear");
        assertFalse(String.join("\n", logs.lines()).contains(code) || String.join("\n", logs.lines()).contains(phone.substring(1)),
                "no code or phone in the logs");
    }

    @Test
    void aCodeExpiresAfterTenMinutes() throws Exception {
        service.send("user-1", phone);
        String code = sms.lastCodeTo(phone);
        clock.advance(Duration.ofMinutes(10));

        WrongCodeException expired = assertThrows(WrongCodeException.class, () -> service.verify("user-1", phone, code));
        assertEquals("the code has expired: ask for a new one", expired.getMessage());
    }

    @Test
    void fiveWrongCodesKillTheCode() throws Exception {
        service.send("user-1", phone);
        String code = sms.lastCodeTo(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int left = 4; left >= 1; left--) {
            int expected = left;
            WrongCodeException refused = assertThrows(WrongCodeException.class, () -> service.verify("user-1", phone, wrong));
            assertEquals("wrong code; " + expected + " attempts left", refused.getMessage());
        }
        assertEquals("wrong code; that was the last attempt: ask for a new code",
                assertThrows(WrongCodeException.class, () -> service.verify("user-1", phone, wrong)).getMessage());

        WrongCodeException dead = assertThrows(WrongCodeException.class, () -> service.verify("user-1", phone, code));
        assertEquals("too many wrong attempts for this code: ask for a new one", dead.getMessage(), "even the right code is dead now");
        assertEquals(State.DEAD, store.code("user-1", phone).orElseThrow().state());
    }

    @Test
    void wrongCodesAreLimitedPerUserAcrossCodes() throws Exception {
        for (int sent = 0; sent < 2; sent++) {
            service.send("user-1", phone);
            String wrong = sms.lastCodeTo(phone).equals("000000") ? "111111" : "000000";
            for (int i = 0; i < 5; i++) {
                assertThrows(WrongCodeException.class, () -> service.verify("user-1", phone, wrong));
            }
        }
        LimitedException limited = assertThrows(LimitedException.class, () -> service.verify("user-1", phone, "123456"));
        assertEquals(Duration.ofMinutes(55), limited.retryAfter(), "until the hour's window ends");
    }

    @Test
    void sendsAreLimitedPerUserAndPerPhone() throws Exception {
        for (int i = 0; i < 3; i++) {
            service.send("user-" + i, phone);
        }
        LimitedException bombing = assertThrows(LimitedException.class, () -> service.send("user-9", phone));
        assertEquals("too many codes were sent to this phone; try again later", bombing.getMessage());
        assertEquals(Duration.ofMinutes(55), bombing.retryAfter());
        assertEquals(3, sms.textsTo(phone).size(), "the fourth SMS never left");

        for (int i = 0; i < 5; i++) {
            service.send("user-pump", String.format("+7916%07d", SEQUENCE.get() * 10 + i));
        }
        LimitedException pumping = assertThrows(LimitedException.class, () -> service.send("user-pump", "+79161112233"));
        assertEquals("too many codes were asked for by this user; try again later", pumping.getMessage());

        clock.advance(Duration.ofMinutes(55));
        service.send("user-9", phone);
        assertEquals(4, sms.textsTo(phone).size(), "a new hour, a new window");
    }

    @Test
    void aResendMakesTheEarlierCodeWorthless() throws Exception {
        service.send("user-1", phone);
        String first = sms.lastCodeTo(phone);
        service.send("user-1", phone);
        String second = sms.lastCodeTo(phone);
        if (!first.equals(second)) {
            assertThrows(WrongCodeException.class, () -> service.verify("user-1", phone, first));
        }
        service.verify("user-1", phone, second);
    }

    @Test
    void aCodeSentForAnotherUserProvesNothingForYou() throws Exception {
        service.send("owner", phone);
        String code = sms.lastCodeTo(phone);

        WrongCodeException refused = assertThrows(WrongCodeException.class, () -> service.verify("intruder", phone, code));
        assertEquals("no code was sent to this phone for this user: ask for one first", refused.getMessage());
        assertTrue(store.code("intruder", phone).isEmpty());
        service.verify("owner", phone, code);
    }

    @Test
    void aUsedCodeCannotBeReplayed() throws Exception {
        service.send("user-1", phone);
        String code = sms.lastCodeTo(phone);
        service.verify("user-1", phone, code);

        WrongCodeException replay = assertThrows(WrongCodeException.class, () -> service.verify("user-1", phone, code));
        assertEquals("the code was used already: ask for a new one", replay.getMessage());
        assertTrue(store.useProof("user-1", phone, clock.instant()), "the proof itself is still there for one profile save");
        assertThrows(WrongCodeException.class, () -> service.verify("user-1", phone, code));
    }

    @Test
    void malformedInputIsRefusedBeforeAnythingIsCounted() {
        assertEquals("phone is required", assertThrows(PhoneVerificationService.InvalidRequestException.class,
                () -> service.send("user-1", " ")).getMessage());
        String reason = assertThrows(PhoneVerificationService.InvalidRequestException.class, () -> service.send("user-1", "+7 999 000")).getMessage();
        assertFalse(reason.contains("999"), "the reason never repeats the number: " + reason);
        assertEquals("code must be the six digits of the SMS", assertThrows(PhoneVerificationService.InvalidRequestException.class,
                () -> service.verify("user-1", phone, "12345")).getMessage());
        assertTrue(dynamoDb.scan(scan -> scan.tableName(table)).items().isEmpty(), "nothing counted, nothing stored");
    }
}
