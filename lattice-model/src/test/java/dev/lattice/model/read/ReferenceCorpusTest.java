package dev.lattice.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.SharedData;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every manifest of the reference system reads without errors; unsupported kinds get one warning each. */
class ReferenceCorpusTest {

  @Test
  void everyReferenceManifestReadsWithoutErrors() throws Exception {
    Path reference = SharedData.root("the reference corpus read test").resolve("reference/lattice");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(reference)) {
      files = walk.filter(Files::isRegularFile).filter(LatticeReader::isInputFile).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(20);
    ReadResult result = new LatticeReader().readPaths(files);
    List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertThat(errors).as(errors.stream().map(Diagnostic::render).collect(Collectors.joining("\n"))).isEmpty();
    assertThat(result.objects()).hasSizeGreaterThan(15);
    List<String> unsupported = result.diagnostics().stream()
        .filter(d -> d.code().equals(Codes.UNSUPPORTED_KIND)).map(Diagnostic::message).toList();
    assertThat(unsupported).noneMatch(m -> m.contains("LatticeJob")).anyMatch(m -> m.contains("InfraProvider"))
        .noneMatch(m -> m.contains("LatticeModel")).anyMatch(m -> m.contains("LatticePackage"));
    assertThat(result.objects()).filteredOn(o -> o.object() instanceof dev.lattice.model.LatticeJob)
        .as("the reference's batch, cron and training jobs").hasSizeGreaterThanOrEqualTo(3);
    assertThat(result.objects()).filteredOn(o -> o.object() instanceof dev.lattice.model.LatticeModel)
        .as("the reference's prefill/decode model").isNotEmpty();
  }
}
