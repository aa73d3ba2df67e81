package dev.lattice.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.document.PersistentList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A compilation keeps the immutable lists it is given and copies any other, once. */
class CompilationTest {
  @Test
  void aCompilationKeepsAPersistentListAndCopiesAnyOther() {
    PersistentList<dev.lattice.document.Document> none = PersistentList.copyOf(List.of());
    Compilation kept = new Compilation(none, List.of(), Optional.empty());
    assertThat(kept.documents()).isSameAs(none);
    assertThat(kept.partialDocuments()).isSameAs(none);
    List<dev.lattice.document.Document> mutable = new ArrayList<>();
    Compilation copied = new Compilation(mutable, new ArrayList<>(), Optional.empty());
    assertThat(copied.documents()).isNotSameAs(mutable).isSameAs(copied.partialDocuments());
  }
}
