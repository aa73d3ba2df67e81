package dev.lattice.model;

import dev.lattice.model.base.Values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lattice.model.read.LatticeReader;
import dev.lattice.model.service.ContainerSpecBuilder;
import dev.lattice.model.service.Direction;
import dev.lattice.model.service.LatticeServiceSpecBuilder;
import dev.lattice.model.service.PortSpec;
import dev.lattice.model.service.PortSpecBuilder;
import dev.lattice.model.service.ResourceSpecBuilder;
import dev.lattice.model.service.ServicePortsSpecBuilder;
import dev.lattice.model.service.WorkloadSpecBuilder;
import org.junit.jupiter.api.Test;

/** Values built in code with the generated builders equal the values read from text. */
class BuilderTest {

  @Test
  void builtServiceEqualsTheReadOne() {
    LatticeService built = new LatticeServiceBuilder()
        .metadata(new ObjectMetaBuilder().name("api").namespace("shop").build())
        .spec(new LatticeServiceSpecBuilder()
            .replicas(2)
            .workload(new WorkloadSpecBuilder()
                .putContainers("main", new ContainerSpecBuilder().image("registry.example.com/api:1").addCommand("serve").build())
                .service(new ServicePortsSpecBuilder()
                    .putPorts("http", new PortSpecBuilder().port(80).targetPort(8080).protocol(PortSpec.Protocol.TCP).build())
                    .build())
                .putResources("db", new ResourceSpecBuilder().type("service").direction(Direction.OUTBOUND).build())
                .build())
            .build())
        .build();
    String yaml = """
        apiVersion: lattice.dev/v1alpha1
        kind: LatticeService
        metadata: {name: api, namespace: shop}
        spec:
          replicas: 2
          workload:
            containers: {main: {image: "registry.example.com/api:1", command: [serve]}}
            service: {ports: {http: {port: 80, targetPort: 8080}}}
            resources: {db: {}}
        """;
    LatticeObject read = new LatticeReader().readString("api.yaml", yaml).objects().get(0).object();
    assertThat(built).isEqualTo(read);
  }
}
