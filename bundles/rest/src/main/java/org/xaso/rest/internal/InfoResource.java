package org.xaso.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.xaso.api.error.NotFoundException;
import org.xaso.api.register.RegisterRegistry;

/** The API's entry point, health, OpenAPI document and Swagger UI. */
@Path("/")
public class InfoResource {

    private static final Map<String, String> DOCS = Map.of(
            "index.html", "text/html; charset=UTF-8",
            "docs.js", "application/javascript; charset=UTF-8",
            "swagger-ui-bundle.js", "application/javascript; charset=UTF-8",
            "swagger-ui.css", "text/css; charset=UTF-8",
            "favicon-32x32.png", "image/png");

    private final RegisterRegistry registry;

    @Context
    private UriInfo uri;

    InfoResource(RegisterRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> root() {
        return OpenApiBuilder.map("name", "Xã Số API", "version", "1.0.0",
                "registers", "registers", "communes", "communes", "openapi", "openapi.json", "docs", "docs/",
                "health", "health");
    }

    @GET
    @Path("health")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> health() {
        return OpenApiBuilder.map("status", "UP", "registers", registry.list().size());
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> openApi() {
        String base = uri.getBaseUri().getPath();
        return OpenApiBuilder.build(registry.list(), base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** Swagger UI; its relative links need the trailing slash. */
    @GET
    @Path("docs")
    public Response docsRoot() {
        if (!uri.getRequestUri().getPath().endsWith("/")) {
            return Response.seeOther(uri.getBaseUriBuilder().path("docs/").build()).build();
        }
        return doc("index.html");
    }

    @GET
    @Path("docs/{file}")
    public Response doc(@PathParam("file") String file) {
        String type = DOCS.get(file);
        if (type == null) {
            throw new NotFoundException(NotFoundException.What.RECORD, file, "Không có tệp " + file, "No file " + file);
        }
        InputStream in = InfoResource.class.getResourceAsStream("/xaso/docs/" + file);
        if (in == null) {
            throw new NotFoundException(NotFoundException.What.RECORD, file, "Không có tệp " + file, "No file " + file);
        }
        try (in) {
            return Response.ok(in.readAllBytes(), type).header("Cache-Control", "max-age=3600").build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
