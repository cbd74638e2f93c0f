package dev.sociallogin.testfixtures.contract;

import dev.sociallogin.domain.port.out.UserRepository;
import dev.sociallogin.testfixtures.fake.InMemoryUserRepository;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

    private final InMemoryUserRepository repository = new InMemoryUserRepository();

    @Override
    protected UserRepository repository() {
        return repository;
    }
}
