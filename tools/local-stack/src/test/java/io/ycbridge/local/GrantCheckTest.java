package io.ycbridge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ycbridge.iam.Permission;
import io.ycbridge.iam.PermissionUse;
import io.ycbridge.iam.ResourceArns;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checker on a small template and made-up recordings, so that it is seen to fail. */
class GrantCheckTest {
    private static final String HANDLER = "io.ycbridge.app.profile.ProfileHandler";
    private static final JsonNode TEMPLATE = CloudFormationYaml.parse("""
            Parameters:
              SecretArn: {Type: String, Default: ''}
            Conditions:
              CreateSecret: !Equals [!Ref SecretArn, '']
            Resources:
              LinksTable: {Type: AWS::DynamoDB::Table}
              RecordsTable: {Type: AWS::DynamoDB::Table}
              Secret: {Type: AWS::SecretsManager::Secret, Condition: CreateSecret}
              ProfileFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: io.ycbridge.app.profile.ProfileHandler::handleRequest
                  CodeUri: functions/app-api/target/app-api-lambda.jar
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: [dynamodb:PutItem, dynamodb:UpdateItem]
                          Resource: !GetAtt LinksTable.Arn
                        - Effect: Allow
                          Action: dynamodb:Query
                          Resource: !Sub '${RecordsTable.Arn}/index/*'
                        - Effect: Allow
                          Action: secretsmanager:GetSecretValue
                          Resource: !If [CreateSecret, !Ref Secret, !Ref SecretArn]
                        - Effect: Allow
                          Action: sns:Publish
                          Resource: '*'
                        - Effect: Deny
                          Action: sns:Publish
                          Resource: !Sub arn:${AWS::Partition}:sns:*:*:*
            """);

    private static GrantCheck check() {
        return new GrantCheck(FunctionPolicies.read(TEMPLATE), FunctionPolicies.logicalIds(TEMPLATE));
    }

    private static PermissionUse use(String action, String resource) {
        return new PermissionUse(HANDLER, new Permission(action, resource), "ProfileHandlerTest.aPhoneChange");
    }

    private static final String LINKS = ResourceArns.table("LinksTable");
    private static final String SECRET = ResourceArns.secret("Secret");
    private static final List<PermissionUse> EVERY_GRANT = List.of(use("dynamodb:PutItem", LINKS), use("dynamodb:UpdateItem", LINKS),
            use("dynamodb:Query", ResourceArns.index("RecordsTable", "by_change")), use("secretsmanager:GetSecretValue", SECRET),
            use("sns:Publish", "*"));

    @Test
    void theTemplatesShortTagsAreReadAsWhatTheyStandFor() {
        FunctionPolicies.Function function = FunctionPolicies.read(TEMPLATE).get("ProfileFunction");

        assertEquals(HANDLER, function.handlerClass());
        assertEquals(List.of(LINKS), function.statements().get(0).resources().getFirst().arns());
        assertEquals(List.of(SECRET, "${SecretArn}"), function.statements().get(2).resources().getFirst().arns(), "either branch of the !If");
        assertEquals("!If [CreateSecret, !Ref Secret, !Ref SecretArn]", function.statements().get(2).resources().getFirst().written());
        assertEquals(List.of(ResourceArns.table("RecordsTable") + "/index/*"), function.statements().get(1).resources().getFirst().arns());
        assertEquals(List.of("arn:aws:sns:*:*:*"), function.statements().get(4).resources().getFirst().arns());
    }

    @Test
    void usesThatMatchTheGrantsPassBothWays() {
        assertEquals(List.of(), check().ungranted(EVERY_GRANT));
        assertEquals(List.of(), check().unused(EVERY_GRANT, List.of()));
    }

    @Test
    void aDeleteInsideATransactionWithoutDeleteItemIsReportedWithWhatToDo() {
        List<String> problems = check().ungranted(List.of(use("dynamodb:DeleteItem", LINKS), use("dynamodb:PutItem", LINKS)));

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("ProfileFunction needs dynamodb:DeleteItem on " + LINKS + " (ProfileHandlerTest.aPhoneChange) and its Policies do"
                + " not grant it; deployed, the call fails with AccessDenied: add dynamodb:DeleteItem on !GetAtt LinksTable.Arn to"
                + " ProfileFunction's Policies in template.yaml", problems.getFirst());
    }

    @Test
    void aQueryOfTheTableIsNotGrantedByAGrantOnItsIndexes() {
        List<String> problems = check().ungranted(List.of(use("dynamodb:Query", ResourceArns.table("RecordsTable"))));

        assertEquals(1, problems.size());
        assertTrue(problems.getFirst().startsWith("ProfileFunction needs dynamodb:Query on " + ResourceArns.table("RecordsTable") + " "),
                problems.getFirst());
    }

    @Test
    void anUnusedGrantIsReportedWithItsStatement() {
        List<PermissionUse> withoutUpdate = EVERY_GRANT.stream().filter(use -> !use.permission().action().equals("dynamodb:UpdateItem")).toList();

        List<String> problems = check().unused(withoutUpdate, List.of());

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().startsWith("ProfileFunction is granted dynamodb:UpdateItem on !GetAtt LinksTable.Arn"
                + " (ProfileFunction's Policies statement 1 (Allow [dynamodb:PutItem, dynamodb:UpdateItem] on [!GetAtt LinksTable.Arn]))"
                + " but no test of the function made that call: "), problems.getFirst());
    }

    @Test
    void anExceptionExplainsAnUnusedGrantAndAnExceptionThatExplainsNothingIsReported() {
        List<PermissionUse> withoutSecret = EVERY_GRANT.stream().filter(use -> !use.permission().resource().equals(SECRET)).toList();
        GrantCheck.Unrecorded secret = new GrantCheck.Unrecorded("ProfileFunction", "secretsmanager:GetSecretValue", "${SecretArn}",
                "a reason");

        assertEquals(List.of(), check().unused(withoutSecret, List.of(secret)));
        List<String> stale = check().unused(EVERY_GRANT, List.of(secret));
        assertEquals(List.of("IamGrantsIT's exception for ProfileFunction secretsmanager:GetSecretValue on ${SecretArn} explains nothing:"
                + " a test now makes that call, or the grant is gone; remove the exception"), stale);
    }

    @Test
    void aDenyRefusesWhatItNamesAndIsNeverUnused() {
        String topic = ResourceArns.arn("sns", "Topic");
        GrantCheck check = new GrantCheck(FunctionPolicies.read(TEMPLATE), Set.of("LinksTable", "RecordsTable", "Secret", "SecretArn", "Topic"));

        assertEquals(List.of("ProfileFunction needs sns:Publish on " + topic + " (ProfileHandlerTest.aPhoneChange), but ProfileFunction's"
                + " Policies statement 5 (Deny [sns:Publish] on [!Sub arn:${AWS::Partition}:sns:*:*:*]) refuses it: narrow the Deny in"
                + " template.yaml, or stop the call"), check.ungranted(List.of(use("sns:Publish", topic))));
        assertEquals(List.of(), check().ungranted(List.of(use("sns:Publish", "*"))), "a phone number has no ARN: the Deny leaves it");
        assertEquals(List.of(), check().unused(EVERY_GRANT, List.of()), "nothing is denied in the tests, and that is not unused");
    }

    @Test
    void aResourceNamedAfterNoLogicalIdIsReported() {
        List<String> problems = check().ungranted(List.of(use("dynamodb:PutItem", ResourceArns.table("records-1"))));

        assertEquals(1, problems.size());
        assertTrue(problems.getFirst().startsWith("ProfileFunction called dynamodb:PutItem on " + ResourceArns.table("records")
                + " (ProfileHandlerTest.aPhoneChange), whose 'records' is no resource of template.yaml: name the test's table"), problems.getFirst());
    }

    @Test
    void aRefThatIsNoArnGrantsNothing() {
        JsonNode template = CloudFormationYaml.parse("""
                Resources:
                  T: {Type: AWS::DynamoDB::Table}
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      Policies:
                        - Statement:
                            - {Effect: Allow, Action: dynamodb:GetItem, Resource: !Ref T}
                """);
        GrantCheck check = new GrantCheck(FunctionPolicies.read(template), FunctionPolicies.logicalIds(template));

        assertEquals(1, check.ungranted(List.of(new PermissionUse("a.B", new Permission("dynamodb:GetItem", ResourceArns.table("T")), "X.y"))).size(),
                "!Ref of a table is its name; IAM would match no table by it");
    }

    @Test
    void aCallFromAHandlerNoFunctionRunsIsReported() {
        List<String> problems = check().ungranted(List.of(new PermissionUse("io.ycbridge.Other", new Permission("dynamodb:GetItem", LINKS), "X.y")));

        assertEquals(1, problems.size());
        assertTrue(problems.getFirst().startsWith("io.ycbridge.Other called dynamodb:GetItem on " + LINKS + " (X.y), but no function"),
                problems.getFirst());
    }

    @Test
    void aPolicyTheCheckCannotReadFailsTheReadInsteadOfPassingUnchecked() {
        JsonNode template = CloudFormationYaml.parse("""
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      Policies:
                        - DynamoDBCrudPolicy: {TableName: !Ref T}
                """);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> FunctionPolicies.read(template));
        assertTrue(refused.getMessage().startsWith("F: a policy other than inline statements"), refused.getMessage());
    }

    @Test
    void theGrantAMessageAsksForIsWrittenAsTheTemplateWritesIt() {
        assertEquals("!Sub '${RecordsTable.Arn}/index/by_change'", GrantCheck.written(ResourceArns.index("RecordsTable", "by_change")));
        assertEquals("!Ref YClientsSecret", GrantCheck.written(ResourceArns.secret("YClientsSecret")));
        assertEquals("!GetAtt SyncQueue.Arn", GrantCheck.written(ResourceArns.queue("https://sqs/1/SyncQueue")));
        assertEquals("'*'", GrantCheck.written("*"));
    }

    @Test
    void wildcardsMatchAsIamMatchesThem() {
        assertTrue(GrantCheck.matches("dynamodb:Get*", "dynamodb:GetItem", false));
        assertTrue(GrantCheck.matches("DynamoDB:getitem", "dynamodb:GetItem", false), "actions ignore case");
        assertFalse(GrantCheck.matches("table/linkstable", "table/LinksTable", true), "resources do not");
        assertTrue(GrantCheck.matches("table/RecordsTable/index/?y_change", "table/RecordsTable/index/by_change", true));
        assertFalse(GrantCheck.matches("table/RecordsTable/index/*", "table/RecordsTable", true));
        assertFalse(GrantCheck.matches("arn:aws:sns:*:*:*", "*", true), "a Deny on SNS ARNs leaves a phone number alone");
    }
}
