package dev.lattice.runtime.link.cli;

import static dev.lattice.runtime.link.LinkFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.runtime.link.LogCapture;
import dev.lattice.runtime.link.agent.Backoff;
import dev.lattice.runtime.link.agent.HttpsEnrolment;
import dev.lattice.runtime.link.agent.LinkAgent;
import dev.lattice.runtime.link.cell.FileCommandStore;
import dev.lattice.runtime.link.pki.PinnedToken;
import dev.lattice.runtime.link.pki.Revocations;
import dev.lattice.runtime.link.proto.ApplyDocuments;
import dev.lattice.runtime.link.proto.Command;
import dev.lattice.runtime.link.proto.CommandResult;
import dev.lattice.runtime.link.proto.Health;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 16, item 10: one bad record in the cell's data folder — a stray {@code .command}, a garbage
 * line in {@code revoked} or {@code tokens}, a truncated {@code children.json} — is reported with its
 * file (and line) and skipped or moved aside; the cell still starts and serves everything else.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DataFolderRecordsTest {
  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new CommandLine(new CellCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String file(String id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
  }

  private static Command apply(String id) {
    return Command.newBuilder().setId(id).setApply(ApplyDocuments.newBuilder().addDocumentsJson("{}")).build();
  }

  @Test
  void oneBadRecordOfEachKindIsReportedWithItsFileAndLineAndTheCellServesTheRest() throws Exception {
    Path data = tmp.resolve("cell");
    CellData d = new CellData(data);
    var ca = d.authority(Clock.systemUTC(), CellData.NewCa.ALLOWED);
    String good = d.tokens(Clock.systemUTC()).issue("edge", "enroll", Duration.ofHours(1));
    Files.writeString(data.resolve("tokens"), "garbage\n" + "a".repeat(64) + " edge enroll soon false\n",
        StandardOpenOption.APPEND);
    BigInteger revokedSerial = new BigInteger("1234abcd", 16);
    Files.writeString(data.resolve("revoked"), "not-a-serial edge\n" + revokedSerial.toString(16) + " other\n");
    FileCommandStore commands = d.commands();
    commands.submitted("edge", apply("good-1"));
    Path book = data.resolve("commands/edge");
    Files.write(book.resolve(file("stray") + ".command"), "not a protobuf \u0000\u00ff\u00ff".getBytes(StandardCharsets.ISO_8859_1));
    Files.write(book.resolve(file("renamed") + ".command"), apply("other-id").toByteArray());
    Files.writeString(data.resolve("children.json"), "{\n  \"edge\" : {\n    \"agentState\" : \"Rea");

    Run status = run("status", "--data", data.toString());
    assertThat(status.code()).as(status.err()).isEqualTo(1);
    assertThat(status.err()).startsWith("cell status: " + data.resolve("children.json") + ":3:")
        .contains("a running cell rewrites it within a second");

    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    try (LogCapture log = new LogCapture(FileCommandStore.class, Revocations.class,
            Class.forName("dev.lattice.runtime.link.pki.TokenFile"));
        CellProcess cell = CellProcess.start(new CellProcess.Options("127.0.0.1:0", "127.0.0.1:0", List.of(), data,
            CellData.NewCa.REFUSE, 1, "agent:test"), c -> { }, new PrintWriter(new StringWriter(), true))) {
      assertThat(log.count(book.resolve(file("stray") + ".command") + ": a damaged record: not a protobuf record"))
          .as(log.lines().toString()).isEqualTo(1);
      assertThat(log.count(book.resolve(file("renamed") + ".command") + ": a damaged record: its content is not the record"))
          .as(log.lines().toString()).isEqualTo(1);
      assertThat(book.resolve(file("stray") + ".command.bad")).exists();
      assertThat(book.resolve(file("stray") + ".command")).doesNotExist();

      HttpsEnrolment.Enrolled enrolled = HttpsEnrolment.enroll(URI.create(cell.bootstrapUrl()), "edge",
          PinnedToken.format(good, ca.certificate()), Optional.empty());
      assertThat(log.count(data.resolve("tokens") + ":2: not a token record")).as(log.lines().toString()).isEqualTo(1);
      assertThat(log.count(data.resolve("tokens") + ":3: not a token record (the expiry is not a number")).isEqualTo(1);
      assertThat(Files.readString(data.resolve("tokens.bad"))).contains("garbage").contains(" edge enroll soon false");

      LinkAgent agent = new LinkAgent(enrolled.identity(), new LinkAgent.Options(enrolled.grpcHost(), enrolled.grpcPort(),
          "test", Duration.ofMillis(200), Optional.empty()), new Backoff(Duration.ofMillis(20), Duration.ofMillis(100),
          new Random(3)), c -> CommandResult.newBuilder().setCommandId(c.getId()).setSuccess(true).build(),
          Health::getDefaultInstance, scheduler);
      agent.start();
      try {
        await("the good pending command answered", () -> cell.registry().session("edge").resultOf("good-1").isPresent());
        assertThat(log.count(data.resolve("revoked") + ":1: not a revocation")).as(log.lines().toString()).isEqualTo(1);
        assertThat(d.revocations().isRevoked(revokedSerial)).as("the good line still holds").isTrue();
        await("children.json rewritten", () -> run("status", "--data", data.toString()).code() == 0);
        assertThat(run("status", "--data", data.toString()).out()).contains("edge");
      } finally {
        agent.close();
      }
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void cellSendRefusesACommandOverTheLinksLimitAndQueuesNothing() throws Exception {
    Path data = tmp.resolve("cell");
    new CellData(data).authority(Clock.systemUTC(), CellData.NewCa.ALLOWED);
    Path doc = tmp.resolve("big.json");
    Files.writeString(doc, "{\"kind\":\"ConfigMap\",\"data\":{\"x\":\"" + "x".repeat(dev.lattice.runtime.link.LinkLimits.MAX_MESSAGE_BYTES)
        + "\"}}");
    Run big = run("send", "--data", data.toString(), "--cluster", "edge", "--id", "big", doc.toString());
    assertThat(big.code()).as(big.err()).isEqualTo(1);
    assertThat(big.err()).contains("over the link's limit of 16777216 bytes per message (the agent would refuse it)")
        .endsWith("nothing queued\n");
    Path small = tmp.resolve("cm.json");
    Files.writeString(small, "{}");
    Run longId = run("send", "--data", data.toString(), "--cluster", "edge", "--id", "i".repeat(200), small.toString());
    assertThat(longId.code()).isEqualTo(1);
    assertThat(longId.err()).contains("the command id is 200 bytes, over the link's limit of 128");
    assertThat(data.resolve("commands/edge")).doesNotExist();
  }
}
