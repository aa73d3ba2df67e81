package dev.lattice.emit.cilium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.compiler.spi.Emitter;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ServiceRegistrationTest {
  @Test
  void theEmitterIsFoundByServiceLoader() {
    assertThat(ServiceLoader.load(Emitter.class).stream().map(ServiceLoader.Provider::type))
        .contains(CiliumEmitter.class);
    assertThat(new CiliumEmitter().name()).isEqualTo("cilium");
  }
}
