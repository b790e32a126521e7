package io.sentio.web.access;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RoleCheckTest {

    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() throws Exception {
        List<String> undeclared = new ArrayList<>();
        List<Class<?>> resources = resourceClasses();
        assertThat(resources).as("resource classes found").hasSizeGreaterThan(5);
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                boolean endpoint = Stream.of(GET.class, POST.class, PUT.class, DELETE.class)
                        .anyMatch(method::isAnnotationPresent);
                boolean declared = method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(PermitAll.class)
                        || resource.isAnnotationPresent(RolesAllowed.class) || resource.isAnnotationPresent(PermitAll.class);
                if (endpoint && !declared) {
                    undeclared.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(undeclared).as("endpoints that RoleCheck would deny to everyone").isEmpty();
    }

    @Test
    void methodAnnotationsWinOverClassAnnotationsAndAbsenceDenies() throws Exception {
        assertThat(RoleCheck.rolesFor(info(Sample.class, "open"))).isNull();
        assertThat(RoleCheck.rolesFor(info(Sample.class, "managers"))).containsExactly("cx-manager");
        assertThat(RoleCheck.rolesFor(info(Sample.class, "inherited"))).containsExactly("admin");
        assertThat(RoleCheck.rolesFor(info(Unannotated.class, "nothing"))).isEmpty();
    }

    @RolesAllowed("admin")
    static class Sample {
        @PermitAll
        public void open() {
        }

        @RolesAllowed("cx-manager")
        public void managers() {
        }

        public void inherited() {
        }
    }

    static class Unannotated {
        public void nothing() {
        }
    }

    private static jakarta.ws.rs.container.ResourceInfo info(Class<?> type, String method) throws NoSuchMethodException {
        Method m = type.getMethod(method);
        return new jakarta.ws.rs.container.ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return m;
            }

            @Override
            public Class<?> getResourceClass() {
                return type;
            }
        };
    }

    /** Every class with a JAX-RS {@code @Path} compiled into this module. */
    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path root = java.nio.file.Path.of(RoleCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> result = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, RoleCheck.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    result.add(type);
                }
            }
        }
        return result;
    }
}
