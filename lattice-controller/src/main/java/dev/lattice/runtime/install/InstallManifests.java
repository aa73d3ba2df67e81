package dev.lattice.runtime.install;

import dev.lattice.document.Document;
import dev.lattice.document.DocumentWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a platform team applies to install Lattice, generated, never hand-written: the CRDs,
 * then the Namespace, RBAC and the controller Deployment (in the order {@code kubectl apply} needs).
 */
public final class InstallManifests {
  /** The image the Deployment runs unless told otherwise (built with {@code jib:buildTar}). */
  public static final String DEFAULT_IMAGE = "lattice-controller:0.1.0-SNAPSHOT";

  private InstallManifests() {}

  /** The CRDs alone. */
  public static List<Document> crds() {
    return CustomResourceDefinitions.all();
  }

  /** CRDs, Namespace, RBAC, Deployment and metrics Service. */
  public static List<Document> all(String image) {
    return all(image, java.util.Optional.empty());
  }

  /** The same, the controller hosting {@code cell} when present (PersistentVolumeClaim and Service added). */
  public static List<Document> all(String image, java.util.Optional<CellInstall> cell) {
    List<Document> out = new ArrayList<>(crds());
    List<Document> controller = ControllerDeployment.all(image, cell);
    out.add(controller.get(0));
    out.addAll(Rbac.all());
    out.addAll(controller.subList(1, controller.size()));
    return List.copyOf(out);
  }

  public static String toYaml(List<Document> documents) {
    return DocumentWriter.toYaml(documents);
  }
}
