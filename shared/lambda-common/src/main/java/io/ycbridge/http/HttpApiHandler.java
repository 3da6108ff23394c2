package io.ycbridge.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.ycbridge.trigger.JsonStreamHandler;
import io.ycbridge.trigger.UndecodableEventException;

/**
 * An HTTP API (payload 2.0) route's handler. Input that is no HTTP API event — only a direct invocation can send it,
 * API Gateway never does — is answered 400 with the reason in the app routes' error shape, {@code {"error": …}},
 * rather than failing the invocation, which API Gateway would turn into a 500.
 */
public abstract class HttpApiHandler extends JsonStreamHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    protected HttpApiHandler() {
        super(APIGatewayV2HTTPEvent.class);
    }

    @Override
    protected APIGatewayV2HTTPResponse undecodable(UndecodableEventException problem) {
        return HttpApiExchange.error(400, problem.getMessage());
    }
}
