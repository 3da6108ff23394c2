package io.ycbridge.trigger;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP API (payload 2.0) event, field by field: read from the JSON tree API Gateway sends, and written back in the
 * same names (the local stack hands events to handlers as bytes). The names are the wire's:
 * {@code version, routeKey, rawPath, rawQueryString, cookies, headers, queryStringParameters, pathParameters,
 * stageVariables, body, isBase64Encoded, requestContext{…, http{…}, authorizer{jwt{claims, scopes}, lambda, iam{…}}}};
 * anything else AWS adds ({@code requestContext.authentication}, mTLS details) is not read.
 */
final class HttpApiEventJson {
    private HttpApiEventJson() {
    }

    static APIGatewayV2HTTPEvent read(EventObject json) throws UndecodableEventException {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion(json.text("version"));
        event.setRouteKey(json.text("routeKey"));
        event.setRawPath(json.text("rawPath"));
        event.setRawQueryString(json.text("rawQueryString"));
        event.setCookies(json.texts("cookies"));
        event.setHeaders(json.textsByName("headers"));
        event.setQueryStringParameters(json.textsByName("queryStringParameters"));
        event.setPathParameters(json.textsByName("pathParameters"));
        event.setStageVariables(json.textsByName("stageVariables"));
        event.setBody(json.text("body"));
        event.setIsBase64Encoded(json.flag("isBase64Encoded"));
        EventObject context = json.object("requestContext");
        if (context != null) {
            event.setRequestContext(requestContext(context));
        }
        return event;
    }

    private static RequestContext requestContext(EventObject json) throws UndecodableEventException {
        RequestContext context = new RequestContext();
        context.setRouteKey(json.text("routeKey"));
        context.setAccountId(json.text("accountId"));
        context.setStage(json.text("stage"));
        context.setApiId(json.text("apiId"));
        context.setDomainName(json.text("domainName"));
        context.setDomainPrefix(json.text("domainPrefix"));
        context.setTime(json.text("time"));
        Long timeEpoch = json.whole("timeEpoch");
        context.setTimeEpoch(timeEpoch == null ? 0 : timeEpoch);
        context.setRequestId(json.text("requestId"));
        EventObject http = json.object("http");
        if (http != null) {
            RequestContext.Http request = new RequestContext.Http();
            request.setMethod(http.text("method"));
            request.setPath(http.text("path"));
            request.setProtocol(http.text("protocol"));
            request.setSourceIp(http.text("sourceIp"));
            request.setUserAgent(http.text("userAgent"));
            context.setHttp(request);
        }
        EventObject authorizer = json.object("authorizer");
        if (authorizer != null) {
            context.setAuthorizer(authorizer(authorizer));
        }
        return context;
    }

    private static RequestContext.Authorizer authorizer(EventObject json) throws UndecodableEventException {
        RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
        EventObject jwt = json.object("jwt");
        if (jwt != null) {
            RequestContext.Authorizer.JWT token = new RequestContext.Authorizer.JWT();
            token.setClaims(claims(jwt));
            token.setScopes(jwt.texts("scopes"));
            authorizer.setJwt(token);
        }
        JsonNode lambda = json.map("lambda");
        if (lambda != null) {
            authorizer.setLambda(naturalMap(lambda));
        }
        EventObject iam = json.object("iam");
        if (iam != null) {
            RequestContext.IAM caller = new RequestContext.IAM();
            caller.setAccessKey(iam.text("accessKey"));
            caller.setAccountId(iam.text("accountId"));
            caller.setCallerId(iam.text("callerId"));
            caller.setPrincipalOrgId(iam.text("principalOrgId"));
            caller.setUserArn(iam.text("userArn"));
            caller.setUserId(iam.text("userId"));
            EventObject cognito = iam.object("cognitoIdentity");
            if (cognito != null) {
                RequestContext.CognitoIdentity identity = new RequestContext.CognitoIdentity();
                identity.setAmr(cognito.texts("amr"));
                identity.setIdentityId(cognito.text("identityId"));
                identity.setIdentityPoolId(cognito.text("identityPoolId"));
                caller.setCognitoIdentity(identity);
            }
            authorizer.setIam(caller);
        }
        return authorizer;
    }

    /**
     * The token's claims as text. API Gateway hands every claim over as a string (arrays already flattened to
     * {@code "[a b]"}), but a token's claims are JSON: a number or boolean is read as its text, as the runtime's own
     * decoding reads it, and an array or object as its JSON text — one odd claim the function never reads (an
     * {@code address}, a {@code groups} list) must not make the whole request undecodable.
     */
    private static Map<String, String> claims(EventObject jwt) throws UndecodableEventException {
        JsonNode claims = jwt.map("claims");
        if (claims == null) {
            return null;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> claim : claims.properties()) {
            JsonNode value = claim.getValue();
            texts.put(claim.getKey(), value.isNull() ? null : value.isContainerNode() ? value.toString() : value.asText());
        }
        return texts;
    }

    /** A Lambda authorizer's context as the runtime decodes {@code Map<String, Object>}: maps, lists, text, numbers, booleans. */
    private static Map<String, Object> naturalMap(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            map.put(field.getKey(), natural(field.getValue()));
        }
        return map;
    }

    private static Object natural(JsonNode value) {
        if (value.isObject()) {
            return naturalMap(value);
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>(value.size());
            for (JsonNode element : value) {
                list.add(natural(element));
            }
            return list;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return null;
    }

    static void write(APIGatewayV2HTTPEvent event, FieldWriter out) throws IOException {
        out.generator().writeStartObject();
        out.text("version", event.getVersion());
        out.text("routeKey", event.getRouteKey());
        out.text("rawPath", event.getRawPath());
        out.text("rawQueryString", event.getRawQueryString());
        out.texts("cookies", event.getCookies());
        out.textsByName("headers", event.getHeaders());
        out.textsByName("queryStringParameters", event.getQueryStringParameters());
        out.textsByName("pathParameters", event.getPathParameters());
        out.textsByName("stageVariables", event.getStageVariables());
        out.text("body", event.getBody());
        out.flag("isBase64Encoded", event.getIsBase64Encoded());
        RequestContext context = event.getRequestContext();
        if (context != null) {
            out.start("requestContext");
            out.text("routeKey", context.getRouteKey());
            out.text("accountId", context.getAccountId());
            out.text("stage", context.getStage());
            out.text("apiId", context.getApiId());
            out.text("domainName", context.getDomainName());
            out.text("domainPrefix", context.getDomainPrefix());
            out.text("time", context.getTime());
            out.number("timeEpoch", context.getTimeEpoch());
            out.text("requestId", context.getRequestId());
            RequestContext.Http http = context.getHttp();
            if (http != null) {
                out.start("http");
                out.text("method", http.getMethod());
                out.text("path", http.getPath());
                out.text("protocol", http.getProtocol());
                out.text("sourceIp", http.getSourceIp());
                out.text("userAgent", http.getUserAgent());
                out.end();
            }
            if (context.getAuthorizer() != null) {
                writeAuthorizer(context.getAuthorizer(), out);
            }
            out.end();
        }
        out.generator().writeEndObject();
    }

    private static void writeAuthorizer(RequestContext.Authorizer authorizer, FieldWriter out) throws IOException {
        out.start("authorizer");
        if (authorizer.getJwt() != null) {
            out.start("jwt");
            out.textsByName("claims", authorizer.getJwt().getClaims());
            out.texts("scopes", authorizer.getJwt().getScopes());
            out.end();
        }
        if (authorizer.getLambda() != null) {
            // Maps, lists, text, numbers and booleans, as read: the one mapper writes them as they are.
            out.generator().writeFieldName("lambda");
            out.generator().writeObject(authorizer.getLambda());
        }
        RequestContext.IAM iam = authorizer.getIam();
        if (iam != null) {
            out.start("iam");
            out.text("accessKey", iam.getAccessKey());
            out.text("accountId", iam.getAccountId());
            out.text("callerId", iam.getCallerId());
            out.text("principalOrgId", iam.getPrincipalOrgId());
            out.text("userArn", iam.getUserArn());
            out.text("userId", iam.getUserId());
            RequestContext.CognitoIdentity cognito = iam.getCognitoIdentity();
            if (cognito != null) {
                out.start("cognitoIdentity");
                out.texts("amr", cognito.getAmr());
                out.text("identityId", cognito.getIdentityId());
                out.text("identityPoolId", cognito.getIdentityPoolId());
                out.end();
            }
            out.end();
        }
        out.end();
    }
}
