package io.ycbridge.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.ycbridge.fixture.Tables;
import io.ycbridge.localaws.LocalDynamoDbExtension;
import io.ycbridge.table.TableDefinitions;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The global interceptor on a real client against DynamoDB Local: a handler's call is recorded, a test's own is not. */
@ExtendWith(LocalDynamoDbExtension.class)
class PermissionRecorderTest {
    /** Stands in for a deployed handler: a concrete Lambda entry point that reads one item. */
    static final class ReadingHandler implements RequestStreamHandler {
        private final DynamoDbClient client;
        private final String table;

        ReadingHandler(DynamoDbClient client, String table) {
            this.client = client;
            this.table = table;
        }

        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) {
            client.getItem(get -> get.tableName(table).key(Map.of("company_id", AttributeValue.fromN("1"))));
        }
    }

    @Test
    void aHandlersCallIsRecordedUnderItsClassAndATestsOwnCallsAreNot(DynamoDbClient client) throws Exception {
        String file = System.getProperty(PermissionLog.FILE_PROPERTY);
        assumeTrue(file != null, "the build names the permission log (" + PermissionLog.FILE_PROPERTY + "); run under Maven");
        String state = Tables.create(client, TableDefinitions.SYNC_STATE);
        client.describeTable(describe -> describe.tableName(state));

        new ReadingHandler(client, state).handleRequest(InputStream.nullInputStream(), OutputStream.nullOutputStream(), null);

        List<PermissionUse> mine = PermissionLog.read(Path.of(file)).uses().stream()
                .filter(use -> use.handlerClass().equals(ReadingHandler.class.getName())).toList();
        assertEquals(List.of(new Permission("dynamodb:GetItem", ResourceArns.table("SyncStateTable"))), mine.stream().map(PermissionUse::permission).toList(),
                "only the handler's GetItem, not the test's CreateTable or DescribeTable");
        assertEquals("PermissionRecorderTest.aHandlersCallIsRecordedUnderItsClassAndATestsOwnCallsAreNot", mine.getFirst().seenIn());
        assertTrue(PermissionLog.read(Path.of(file)).uses().stream().noneMatch(use -> use.permission().action().equals("dynamodb:CreateTable")));
    }
}
