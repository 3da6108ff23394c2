package io.ycbridge.edge;

/**
 * An HTTP API (payload 2.0) route's handler. Input that is no HTTP API event — only a direct invocation can send it,
 * API Gateway never does — is answered 400 with the reason in the app routes' error shape, an RFC 9457 problem,
 * rather than failing the invocation, which API Gateway would turn into a 500.
 */
public abstract class HttpRouteHandler extends TriggerHandler<HttpRequest, HttpResponse> {
    protected HttpRouteHandler() {
        super(Trigger.HTTP_API);
    }

    @Override
    protected HttpResponse undecodable(UndecodableEventException problem) {
        return HttpResponse.error(400, problem.getMessage());
    }
}
