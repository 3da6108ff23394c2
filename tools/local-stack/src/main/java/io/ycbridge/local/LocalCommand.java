package io.ycbridge.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./ycbridge local [--port 3000] [--sync-every 30] [--settings ycbridge.local.env]}: starts {@link LocalStack},
 * prints where everything is and the guided scenario, and runs until Ctrl-C, when a shutdown hook stops it all.
 */
public final class LocalCommand {
    private LocalCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("usage: ./ycbridge local [--port 3000] [--sync-every MINUTES] [--settings FILE]");
            System.out.println("settings: " + LocalSettings.FILE_NAME + " (see " + LocalSettings.FILE_NAME + ".example) or the environment");
            return;
        }
        LocalStack stack;
        try {
            Map<String, String> options = LocalSettings.options(args);
            Path template = SamTemplate.locate(Path.of(""));
            SamTemplate sam = SamTemplate.read(template);
            Path file = options.containsKey("settings") ? Path.of(options.get("settings"))
                    : template.getParent().resolve(LocalSettings.FILE_NAME);
            LocalSettings settings = LocalSettings.load(file, System.getenv(), options,
                    sam.parameterDefault("SyncSchedule").orElse("rate(30 minutes)"));
            stack = LocalStack.start(settings, sam);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("ycbridge local: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println();
            System.out.println("Stopping: HTTP API, sync schedule, records and ledger streams (accrual, loyalty mirror, domain events), local event bus, simulator, DynamoDB Local.");
            stack.close();
            stopped.countDown();
        }, "local-shutdown"));
        if (!stack.awaitFirstSync(Duration.ofSeconds(20))) {
            System.out.println("The first sync is still running (real API?); booking links work once it has read the catalog.");
        }
        System.out.print(StartBanner.text(stack));
        System.out.flush();
        stopped.await();
    }
}
