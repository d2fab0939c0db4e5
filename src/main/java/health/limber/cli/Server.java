package health.limber.cli;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application from a command, with the command's settings as defaults. */
public final class Server {

    private static Class<?> applicationClass;

    private Server() {}

    /** The Spring Boot application class; set once by {@code main} so this module need not know it. */
    public static void use(Class<?> applicationClass) {
        Server.applicationClass = applicationClass;
    }

    /** The command's settings win over application.properties and the environment (they are what the user typed). */
    public static ConfigurableApplicationContext start(Map<String, Object> properties, boolean web) {
        SpringApplication application = new SpringApplication(applicationClass);
        application.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        Map<String, Object> settings = new java.util.LinkedHashMap<>();
        if (!web) {
            // Commands print results on standard output; keep the framework's start-up chatter out of it.
            settings.put("logging.level.root", "ERROR");
            settings.put("spring.main.log-startup-info", "false");
        }
        settings.putAll(properties);
        String[] args = settings.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return application.run(args);
    }
}
