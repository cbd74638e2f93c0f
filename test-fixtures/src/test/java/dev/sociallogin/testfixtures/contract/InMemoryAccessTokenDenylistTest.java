package dev.sociallogin.testfixtures.contract;

import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.testfixtures.fake.InMemoryAccessTokenDenylist;

class InMemoryAccessTokenDenylistTest extends AccessTokenDenylistContract {

    private final InMemoryAccessTokenDenylist denylist = new InMemoryAccessTokenDenylist();

    @Override
    protected AccessTokenDenylist denylist() {
        return denylist;
    }
}
