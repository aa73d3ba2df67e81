package dev.lattice.runtime.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.runtime.fleet.ClusterWriter;
import dev.lattice.runtime.fleet.RawObject;
import dev.lattice.runtime.install.CrdKind;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/** Status as a JSON merge patch of the status subresource, and core/v1 Events, through the fabric8 client. */
final class KubeClusterWriter implements ClusterWriter {
  private static final String COMPONENT = "lattice-controller";
  private final KubernetesClient client;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();

  KubeClusterWriter(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  @Override
  public void writeStatus(RawObject object, ObjectNode status) {
    CrdKind kind = CrdKind.of(object.key().kind());
    var op = client.genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup(CrdKind.GROUP)
        .withVersion(CrdKind.VERSION).withKind(kind.kind().wire()).withPlural(kind.plural())
        .withNamespaced(kind.namespaced()).build());
    var one = object.key().namespace().isPresent()
        ? op.inNamespace(object.key().namespace().get()).withName(object.key().name())
        : op.withName(object.key().name());
    ObjectNode patch = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    patch.set("status", status);
    one.subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
  }

  @Override
  public void event(RawObject object, String type, String reason, String message) {
    String namespace = object.key().namespace().orElse("default");
    String now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    String name = object.key().name() + "." + HexFormat.of().toHexDigits(clock.millis()) + HexFormat.of().toHexDigits((short) sequence.incrementAndGet());
    Event event = new EventBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withNewInvolvedObject().withApiVersion(CrdKind.GROUP + "/" + CrdKind.VERSION).withKind(object.key().kind().wire())
        .withName(object.key().name()).withNamespace(object.key().namespace().orElse(null)).withUid(object.uid().orElse(null))
        .endInvolvedObject()
        .withType(type).withReason(reason).withMessage(message.length() > 1000 ? message.substring(0, 1000) : message)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
        .build();
    client.v1().events().inNamespace(namespace).resource(event).create();
  }

}
