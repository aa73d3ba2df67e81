package dev.lattice.compiler.authz;

import static org.assertj.core.api.Assertions.assertThat;

import com.cedarpolicy.AuthorizationEngine;
import com.cedarpolicy.model.policy.PolicySet;
import org.junit.jupiter.api.Test;

/** The uber jar's native engine loads on this platform: the first thing to fail if it does not. */
class CedarNativeTest {

  @Test
  void nativeEngineLoadsAndParses() throws Exception {
    assertThat(AuthorizationEngine.getCedarLangVersion()).isNotBlank();
    PolicySet set = PolicySet.parsePolicies("permit(principal, action, resource);");
    assertThat(set.getNumPolicies()).isEqualTo(1);
  }
}
