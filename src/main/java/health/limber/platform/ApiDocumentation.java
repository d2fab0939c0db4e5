package health.limber.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /api-docs} and {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI limberApi() {
        return new OpenAPI()
                .info(new Info().title("Limber API").version("v1")
                        .description("REST API of Limber, for systems that integrate with a community MSK service. "
                                + "Authenticate each call with HTTP Basic and a staff account; every read or change of a "
                                + "patient's record is audited (state why in the X-Purpose-Of-Use header). Errors are "
                                + "RFC 9457 application/problem+json with an `errors` list naming each field and rule.")
                        .license(new License().name("Open source")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
