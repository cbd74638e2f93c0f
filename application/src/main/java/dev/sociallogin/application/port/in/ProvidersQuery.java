package dev.sociallogin.application.port.in;

/**
 * Which providers a client may use.
 *
 * @param loopbackClient whether the client is on this machine (a loopback address): providers that
 *                       answer loopback clients only exist for it
 */
public record ProvidersQuery(boolean loopbackClient) {
}
