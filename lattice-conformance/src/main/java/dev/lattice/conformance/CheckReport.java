package dev.lattice.conformance;

import java.util.List;

/** What checking several files found, file by file, with the totals. */
public record CheckReport(List<FileReport> files) {
  public CheckReport {
    files = List.copyOf(files);
  }

  public int passed() {
    return files.stream().mapToInt(FileReport::passed).sum();
  }

  public int failed() {
    return files.stream().mapToInt(FileReport::failed).sum();
  }

  public int skipped() {
    return files.stream().mapToInt(FileReport::skipped).sum();
  }

  public List<Violation> violations() {
    return files.stream().flatMap(f -> f.violations().stream()).toList();
  }

  /** True when no document failed. */
  public boolean ok() {
    return failed() == 0;
  }

  /**
   * The report as validate-k8s prints it: one line per problem (and per skipped document), then
   * {@code N passed, M failed} (skipped documents count as passed, as there).
   */
  public String text() {
    StringBuilder b = new StringBuilder();
    for (Violation v : violations()) {
      b.append(v.type() == Violation.Type.SKIPPED
          ? v.file() + "#" + v.document() + " " + v.apiVersion() + "/" + v.kind() + " " + v.name()
              + ": skipped: unknown kind (allowed)"
          : v.toValidateK8sLine()).append('\n');
    }
    return b.append(passed() + skipped()).append(" passed, ").append(failed()).append(" failed\n").toString();
  }
}
