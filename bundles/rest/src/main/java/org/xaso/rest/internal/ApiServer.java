package org.xaso.rest.internal;

import java.util.List;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xaso.api.record.RecordExporter;
import org.xaso.api.record.RecordImporter;
import org.xaso.api.record.RecordService;
import org.xaso.api.register.CodeListService;
import org.xaso.api.register.RegisterRegistry;
import org.xaso.api.unit.AdminUnitService;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/** Publishes the REST API on CXF's servlet (by default at /api/v1). */
@Component(immediate = true, configurationPid = "org.xaso.rest")
@Designate(ocd = ApiServer.Config.class)
public class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    @ObjectClassDefinition(name = "Xã Số REST API", description = "Giao diện REST / The REST API")
    public @interface Config {
        @AttributeDefinition(name = "Address", description = "Path under CXF's servlet context (etc/org.apache.cxf.osgi.cfg)")
        String address() default "/v1";

        @AttributeDefinition(name = "Largest request body", description = "Bytes; larger bodies get 413")
        long maxBodyBytes() default 1_048_576L;

        @AttributeDefinition(name = "Largest uploaded spreadsheet", description = "Bytes; larger imports get 413")
        long maxUploadBytes() default 104_857_600L;
    }

    @Reference
    private RecordService records;

    @Reference
    private RegisterRegistry registry;

    @Reference
    private AdminUnitService units;

    @Reference
    private RecordExporter exporter;

    @Reference
    private RecordImporter importer;

    @Reference
    private CodeListService codes;

    private Server server;

    @Activate
    void activate(Config config) {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(ApiServer.class.getClassLoader());
        try {
            JAXRSServerFactoryBean bean = new JAXRSServerFactoryBean();
            bean.setBus(BusFactory.getDefaultBus());
            bean.setAddress(config.address());
            bean.setServiceBeans(List.of(new InfoResource(registry), new RegistersResource(registry, exporter),
                    new CommunesResource(units), new RecordsResource(records, registry, units, exporter, importer),
                    new CodeListsResource(codes)));
            bean.setProviders(List.of(new JacksonJsonProvider(Json.mapper()), new ProblemMapper(),
                    new LimitsFilter(config.maxBodyBytes(), config.maxUploadBytes())));
            server = bean.create();
            LOG.info("Xã Số REST API published at {}", config.address());
        } finally {
            Thread.currentThread().setContextClassLoader(tccl);
        }
    }

    @Deactivate
    void deactivate() {
        if (server != null) {
            server.destroy();
        }
    }
}
