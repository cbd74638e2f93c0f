package dev.sociallogin.adapter.in.web;

import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.User;

import java.time.Instant;

/** The user JSON of the contract; times are ISO-8601 instants in UTC. */
record UserResponse(long id, String username, String email, String nickname, long property, String lastLogin, String dateJoined) {

    static UserResponse from(User user) {
        return new UserResponse(
                user.id().value(),
                user.username().value(),
                user.optionalEmail().map(Email::value).orElse(null),
                user.nickname().value(),
                user.property(),
                user.optionalLastLogin().map(Instant::toString).orElse(null),
                user.dateJoined().toString());
    }
}
