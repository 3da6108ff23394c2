package io.ycbridge.verification;

import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Amazon SNS {@code Publish} with {@code PhoneNumber}: a text straight to a phone, no topic. Marked Transactional,
 * which SNS delivers with priority (and at the transactional price) — a code that arrives after it expired is useless.
 */
final class SnsSmsSender implements SmsSender {
    private static final Map<String, MessageAttributeValue> TRANSACTIONAL = Map.of("AWS.SNS.SMS.SMSType",
            MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build());

    private final SnsClient sns;

    SnsSmsSender(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public void send(String phoneE164, String text) {
        try {
            sns.publish(publish -> publish.phoneNumber(phoneE164).message(text).messageAttributes(TRANSACTIONAL));
        } catch (SdkException e) {
            // The SDK's message can quote the request; keep only the kind.
            throw new SmsNotSentException("SNS did not accept the message (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
