package io.flotilla.http;

/** Who a request's token authenticates: the token's name (for audit logs) and its role. */
public record Principal(String name, Role role) {}
