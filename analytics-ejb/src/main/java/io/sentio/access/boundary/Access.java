package io.sentio.access.boundary;

import io.sentio.access.control.AccountStore;
import io.sentio.access.control.PasswordHasher;
import io.sentio.access.control.SecureTokens;
import io.sentio.access.control.SessionStore;
import io.sentio.access.entity.Account;
import io.sentio.access.entity.Role;
import io.sentio.problems.entity.DomainException;
import io.sentio.problems.entity.Violation;
import io.sentio.storage.boundary.MongoStorage;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may sign in and with which roles: staff accounts, HTTP Basic credentials and browser sessions.
 *
 * <p>Password hashes are deliberately slow (PBKDF2, 600,000 iterations), which an API client sending Basic
 * credentials on every request would pay each time; so a successful check is remembered for a minute under
 * a digest of the credentials (never the password itself), and forgotten when the account changes.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Access {

    private static final System.Logger LOG = System.getLogger(Access.class.getName());
    public static final String ADMIN = "admin";
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Duration SESSION_LENGTH = Duration.ofHours(8);
    private static final Duration CHECK_REMEMBERED_FOR = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED = 10_000;

    private record Remembered(Account account, Instant until) {
    }

    @Inject
    MongoStorage storage;

    @Inject
    @ConfigProperty(name = "sentio.admin.password")
    Optional<String> adminPassword;

    private final Clock clock = Clock.systemUTC();
    private final PasswordHasher hasher = new PasswordHasher();
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private AccountStore accounts;
    private SessionStore sessions;

    @PostConstruct
    void start() {
        accounts = new AccountStore(storage.database());
        sessions = new SessionStore(storage.database());
        Optional<String> configured = adminPassword.filter(p -> !p.isBlank());
        if (configured.isPresent()) {
            boolean unchanged = accounts.find(ADMIN).map(c -> hasher.matches(configured.get().toCharArray(), c.passwordHash()))
                    .orElse(false);
            if (!unchanged) {
                accounts.save(new Account(ADMIN, Set.of(Role.ADMIN)), hasher.hash(configured.get().toCharArray()));
                LOG.log(System.Logger.Level.INFO, "The admin password was set from SENTIO_ADMIN_PASSWORD");
            }
        } else if (accounts.find(ADMIN).isEmpty()) {
            String generated = SecureTokens.id();
            accounts.save(new Account(ADMIN, Set.of(Role.ADMIN)), hasher.hash(generated.toCharArray()));
            // Printed this once, on first start, so the operator can sign in; it is stored only as a hash.
            LOG.log(System.Logger.Level.WARNING, "Initial password of user admin (shown once, change it): {0}", generated);
        }
        storage.awaitDurable();
    }

    /** Checks HTTP Basic credentials. */
    public Optional<Account> authenticate(String name, String password) {
        String key = SecureTokens.digest(name + '\u0000' + password);
        Instant now = clock.instant();
        Remembered hit = remembered.get(key);
        if (hit != null && now.isBefore(hit.until())) {
            return Optional.of(hit.account());
        }
        Optional<Account> account = accounts.find(name)
                .filter(c -> hasher.matches(password.toCharArray(), c.passwordHash()))
                .map(AccountStore.Credentials::account);
        account.ifPresent(a -> {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(key, new Remembered(a, now.plus(CHECK_REMEMBERED_FOR)));
        });
        return account;
    }

    /** Signs a browser in: returns the session token for its cookie. */
    public String signIn(String name, String password) {
        authenticate(name, password).orElseThrow(
                () -> new DomainException(DomainException.Kind.UNAUTHORIZED, "wrong user name or password", List.of()));
        String token = sessions.open(name, clock.instant().plus(SESSION_LENGTH));
        storage.awaitDurable();
        return token;
    }

    /** The account behind a live session cookie, with its current roles. */
    public Optional<Account> session(String token) {
        return sessions.user(token, clock.instant()).flatMap(accounts::find).map(AccountStore.Credentials::account);
    }

    public void signOut(String token) {
        sessions.close(token);
    }

    public List<Account> accounts() {
        return accounts.all();
    }

    /** Creates or replaces an account; its sessions end so new roles apply at once. */
    public Account saveAccount(String name, String password, Set<Role> roles) {
        List<Violation> violations = new ArrayList<>();
        if (name == null || !Account.NAME.matcher(name).matches()) {
            violations.add(new Violation("name", "must be 2-64 lower-case letters, digits, '.', '_' or '-'"));
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            violations.add(new Violation("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        }
        if (roles == null || roles.isEmpty()) {
            violations.add(new Violation("roles", "at least one of admin, cx-manager, executive"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid("the account is invalid", violations);
        }
        Account account = new Account(name, roles);
        accounts.save(account, hasher.hash(password.toCharArray()));
        forget(name);
        storage.awaitDurable();
        return account;
    }

    public void deleteAccount(String name) {
        if (ADMIN.equals(name)) {
            throw DomainException.conflict("the admin account cannot be deleted");
        }
        if (!accounts.delete(name)) {
            throw DomainException.notFound("no account " + name);
        }
        forget(name);
        storage.awaitDurable();
    }

    private void forget(String name) {
        remembered.values().removeIf(r -> r.account().name().equals(name));
        sessions.closeAllOf(name);
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purgeExpiredSessions() {
        sessions.purgeExpired(clock.instant());
    }
}
