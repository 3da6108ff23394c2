package io.ycbridge.trigger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;

/**
 * An HTTP API (payload 2.0) response, field by field: {@code statusCode, headers, multiValueHeaders, cookies, body,
 * isBase64Encoded}, each left out when absent (a 304 has no {@code body}). Read back only by the local stack and tests,
 * which take a function's answer from its bytes as API Gateway does.
 */
final class HttpApiResponseJson {
    private HttpApiResponseJson() {
    }

    static void write(APIGatewayV2HTTPResponse response, FieldWriter out) throws IOException {
        out.generator().writeStartObject();
        out.number("statusCode", response.getStatusCode());
        out.textsByName("headers", response.getHeaders());
        out.textListsByName("multiValueHeaders", response.getMultiValueHeaders());
        out.texts("cookies", response.getCookies());
        out.text("body", response.getBody());
        out.flag("isBase64Encoded", response.getIsBase64Encoded());
        out.generator().writeEndObject();
    }

    static APIGatewayV2HTTPResponse read(EventObject json) throws UndecodableEventException {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        Integer status = json.smallWhole("statusCode");
        response.setStatusCode(status == null ? 0 : status);
        response.setHeaders(json.textsByName("headers"));
        response.setMultiValueHeaders(json.textListsByName("multiValueHeaders"));
        response.setCookies(json.texts("cookies"));
        response.setBody(json.text("body"));
        response.setIsBase64Encoded(json.flag("isBase64Encoded"));
        return response;
    }
}
