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

    static final String PROBLEM = "Problem";

    /**
     * Every operation lists the errors it really answers with, each as application/problem+json
     * (RFC 9457, with the {@code errors} list); and every property a request or reply may leave out is
     * marked as possibly null, so generated clients do not assume a value is always there.
     */
    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer problemsAndNullableFields() {
        return api -> {
            var errorItem = new io.swagger.v3.oas.models.media.ObjectSchema()
                    .addProperty("field", new io.swagger.v3.oas.models.media.StringSchema().description("the field, parameter or header, as sent"))
                    .addProperty("message", new io.swagger.v3.oas.models.media.StringSchema().description("the rule broken, in words a person can act on"));
            var problem = new io.swagger.v3.oas.models.media.ObjectSchema().description("RFC 9457 problem details")
                    .addProperty("type", new io.swagger.v3.oas.models.media.StringSchema())
                    .addProperty("title", new io.swagger.v3.oas.models.media.StringSchema())
                    .addProperty("status", new io.swagger.v3.oas.models.media.IntegerSchema())
                    .addProperty("detail", new io.swagger.v3.oas.models.media.StringSchema())
                    .addProperty("requestId", new io.swagger.v3.oas.models.media.StringSchema())
                    .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(errorItem));
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(PROBLEM, problem);
            if (api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().forEach((name, schema) -> nullableUnlessRequired(schema));
            }
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean write = method != io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
                addProblem(operation, "400", "A field, parameter or header breaks a rule (each is named in errors)");
                addProblem(operation, "401", "Not signed in: send HTTP Basic credentials of a staff account");
                addProblem(operation, "403", "Signed in, but this record or action is not yours (refusals are audited)");
                if (path.contains("{")) {
                    addProblem(operation, "404", "Nothing at this address (or an id that is not one)");
                }
                if (write) {
                    addProblem(operation, "409", "Changed by someone else since the version you sent; nothing was saved");
                    addProblem(operation, "413", "The request is larger than this address takes");
                    addProblem(operation, "415", "The body is not in the media type this address takes");
                    addProblem(operation, "422", "An Idempotency-Key reused for a different request, or a file with refused rows");
                }
                addProblem(operation, "500", "Something went wrong on the server; quote the requestId");
            }));
        };
    }

    private static void addProblem(io.swagger.v3.oas.models.Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new io.swagger.v3.oas.models.responses.ApiResponses());
        }
        if (operation.getResponses().containsKey(status)) {
            return;
        }
        operation.getResponses().addApiResponse(status, new io.swagger.v3.oas.models.responses.ApiResponse().description(description)
                .content(new io.swagger.v3.oas.models.media.Content().addMediaType("application/problem+json",
                        new io.swagger.v3.oas.models.media.MediaType().schema(new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableUnlessRequired(io.swagger.v3.oas.models.media.Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        java.util.List<String> required = schema.getRequired() == null ? java.util.List.of() : schema.getRequired();
        ((java.util.Map<String, io.swagger.v3.oas.models.media.Schema>) (java.util.Map) schema.getProperties()).forEach((name, property) -> {
            if (required.contains(name) || property.get$ref() != null) {
                return;
            }
            if (property.getTypes() != null && !property.getTypes().isEmpty()) {
                property.addType("null");
            } else {
                property.setNullable(true);
            }
        });
    }

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
