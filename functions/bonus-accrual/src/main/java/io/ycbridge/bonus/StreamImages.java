package io.ycbridge.bonus;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Stream images arrive in the Lambda events library's AttributeValue; {@link io.ycbridge.record.RecordItem} reads the
 * SDK v2 one. This converts, type by type, so the stream and the table decode through the same code.
 */
final class StreamImages {

    private StreamImages() {
    }

    static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(Map<String, AttributeValue> image) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = new HashMap<>(image.size() * 2);
        image.forEach((name, value) -> item.put(name, toSdk(value)));
        return item;
    }

    static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(AttributeValue value) {
        var sdk = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
        if (value.getS() != null) {
            return sdk.s(value.getS()).build();
        }
        if (value.getN() != null) {
            return sdk.n(value.getN()).build();
        }
        if (value.getBOOL() != null) {
            return sdk.bool(value.getBOOL()).build();
        }
        if (value.getNULL() != null) {
            return sdk.nul(value.getNULL()).build();
        }
        if (value.getB() != null) {
            return sdk.b(SdkBytes.fromByteBuffer(value.getB().duplicate())).build();
        }
        if (value.getM() != null) {
            return sdk.m(toSdk(value.getM())).build();
        }
        if (value.getL() != null) {
            List<software.amazon.awssdk.services.dynamodb.model.AttributeValue> list = new ArrayList<>(value.getL().size());
            value.getL().forEach(element -> list.add(toSdk(element)));
            return sdk.l(list).build();
        }
        if (value.getSS() != null) {
            return sdk.ss(value.getSS()).build();
        }
        if (value.getNS() != null) {
            return sdk.ns(value.getNS()).build();
        }
        if (value.getBS() != null) {
            return sdk.bs(value.getBS().stream().map(bytes -> SdkBytes.fromByteBuffer(bytes.duplicate())).toList()).build();
        }
        throw new IllegalArgumentException("an attribute value with no type");
    }
}
