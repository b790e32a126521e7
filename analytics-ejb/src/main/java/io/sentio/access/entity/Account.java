package io.sentio.access.entity;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** A staff member who signs in: name and roles (the password hash never leaves the store). */
public record Account(String name, Set<Role> roles) {

    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

    public Account {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("user name must match " + NAME.pattern());
        }
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
