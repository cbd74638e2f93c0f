package dev.sociallogin.application.port.in;

public record VerifyTokenCommand(String token) {
    @Override
    public String toString() {
        return "VerifyTokenCommand[redacted]";
    }
}
