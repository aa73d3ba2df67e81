package dev.lattice.runtime.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.Kind;
import dev.lattice.runtime.install.CrdKind;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import java.lang.reflect.ParameterizedType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A Lattice kind is declared once, in the model's {@link Kind}: every kind gets a CRD (its plural from
 * {@link Kind#plural}), a reconciler and a fabric8 resource class whose group, version, kind, plural
 * and scope are the model's — a kind added to the model without them fails here.
 */
class ReconcilersTest {
  @Test
  void everyModelKindHasAReconcilerWhoseResourceClassSaysWhatTheModelSays() {
    List<Reconciler<?>> all = Reconcilers.all(k -> null, new FleetCaches());
    assertThat(all).hasSize(Kind.values().length);
    Set<String> kinds = new TreeSet<>();
    for (Reconciler<?> r : all) {
      Class<?> resource = (Class<?>) ((ParameterizedType) r.getClass().getGenericSuperclass()).getActualTypeArguments()[0];
      String wire = resource.getAnnotation(io.fabric8.kubernetes.model.annotation.Kind.class).value();
      Kind kind = Kind.fromWire(wire).orElseThrow();
      kinds.add(wire);
      assertThat(resource.getAnnotation(Group.class).value()).isEqualTo(CrdKind.GROUP);
      assertThat(resource.getAnnotation(Version.class).value()).isEqualTo(CrdKind.VERSION);
      assertThat(resource.getAnnotation(Plural.class).value()).as(wire).isEqualTo(kind.plural());
      assertThat(Namespaced.class.isAssignableFrom(resource)).as(wire + " scope").isEqualTo(kind.namespaced());
    }
    assertThat(kinds).hasSize(Kind.values().length);
  }

  @Test
  void pluralsFollowTheEnglishRuleAndEveryKindHasACrd() {
    assertThat(Kind.CEDAR_POLICY.plural()).isEqualTo("cedarpolicies");
    assertThat(Kind.LATTICE_SERVICE.plural()).isEqualTo("latticeservices");
    assertThat(CrdKind.all()).extracting(CrdKind::kind).containsExactly(Kind.values());
    assertThat(CrdKind.of(Kind.LATTICE_CLUSTER)).isSameAs(CrdKind.LATTICE_CLUSTER);
  }
}
