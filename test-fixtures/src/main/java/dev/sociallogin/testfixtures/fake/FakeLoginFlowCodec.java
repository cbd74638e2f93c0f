package dev.sociallogin.testfixtures.fake;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.LoginFlow;
import dev.sociallogin.domain.port.out.LoginFlowCodec;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link LoginFlowCodec} that keeps the flows and hands out random handles: any string it did not
 * hand out (altered, truncated, forged) is {@code INVALID_STATE}, as with the real, sealing codec.
 * Encoding the same flow twice gives two handles, both decoding to it. Thread-safe.
 */
public final class FakeLoginFlowCodec implements LoginFlowCodec {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, LoginFlow> flows = new ConcurrentHashMap<>();

    @Override
    public String encode(LoginFlow flow) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String handle = "fake." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        flows.put(handle, flow);
        return handle;
    }

    @Override
    public LoginFlow decode(String encoded) {
        LoginFlow flow = encoded == null ? null : flows.get(encoded);
        if (flow == null) {
            throw new DomainException(ErrorCode.INVALID_STATE, "not a flow this codec encoded");
        }
        return flow;
    }
}
