package dev.lattice.cli;

import java.io.File;
import java.nio.file.Path;
import org.approvaltests.namer.ApprovalNamer;

/** Puts approved files in the project's {@code snapshots/} folder as {@code <name>.approved<ext>}. */
final class SnapshotNamer implements ApprovalNamer {
  private final Path dir;
  private final String name;

  SnapshotNamer(Path dir, String name) {
    this.dir = dir;
    this.name = name;
  }

  @Override
  public File getApprovedFile(String extension) {
    return dir.resolve(name + ".approved" + extension).toFile();
  }

  @Override
  public File getReceivedFile(String extension) {
    return dir.resolve(name + ".received" + extension).toFile();
  }

  @Override
  public ApprovalNamer addAdditionalInformation(String info) {
    return new SnapshotNamer(dir, name + "." + info);
  }

  @Override
  public String getAdditionalInformation() {
    return "";
  }

  @Override
  public String getApprovalName() {
    return name;
  }

  @Override
  public String getSourceFilePath() {
    return dir.toString() + File.separator;
  }
}
