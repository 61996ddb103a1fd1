package org.xaso.soap.internal;

import java.util.HashMap;
import java.util.Map;

import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xaso.api.record.RecordService;
import org.xaso.api.register.RegisterRegistry;
import org.xaso.api.unit.AdminUnitService;

/**
 * Publishes RegisterService on CXF's servlet; with the default configuration its WSDL is at
 * {@code http://127.0.0.1:8181/api/soap/RegisterService?wsdl}. XML limits are set explicitly.
 */
@Component(immediate = true, configurationPid = "org.xaso.soap")
@Designate(ocd = SoapEndpoint.Config.class)
public class SoapEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(SoapEndpoint.class);

    @ObjectClassDefinition(name = "Xã Số SOAP RegisterService", description = "Dịch vụ SOAP cho cơ quan / SOAP for agencies")
    public @interface Config {
        @AttributeDefinition(name = "Address", description = "Path under CXF's servlet context")
        String address() default "/soap/RegisterService";

        @AttributeDefinition(name = "Most child elements", description = "Of one XML element")
        int maxChildElements() default 5000;

        @AttributeDefinition(name = "Deepest nesting", description = "Of XML elements")
        int maxElementDepth() default 32;

        @AttributeDefinition(name = "Most elements", description = "In one message")
        int maxElementCount() default 100000;

        @AttributeDefinition(name = "Longest text", description = "Characters of one text node")
        int maxTextLength() default 200000;
    }

    @Reference
    private RecordService records;

    @Reference
    private RegisterRegistry registry;

    @Reference
    private AdminUnitService units;

    private Server server;

    @Activate
    void activate(Config config) {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(SoapEndpoint.class.getClassLoader());
        try {
            JaxWsServerFactoryBean f = new JaxWsServerFactoryBean();
            f.setBus(BusFactory.getDefaultBus());
            f.setServiceClass(RegisterService.class);
            f.setServiceBean(new RegisterServiceImpl(records, registry, units));
            f.setAddress(config.address());
            Map<String, Object> props = new HashMap<>();
            props.put("org.apache.cxf.stax.maxChildElements", config.maxChildElements());
            props.put("org.apache.cxf.stax.maxElementDepth", config.maxElementDepth());
            props.put("org.apache.cxf.stax.maxElementCount", (long) config.maxElementCount());
            props.put("org.apache.cxf.stax.maxTextLength", config.maxTextLength());
            props.put("org.apache.cxf.stax.maxAttributeCount", 50);
            props.put("org.apache.cxf.stax.maxAttributeSize", 65536);
            props.put("faultStackTraceEnabled", false);
            props.put("exceptionMessageCauseEnabled", false);
            f.setProperties(props);
            f.getOutFaultInterceptors().add(new ClientFaultInterceptor());
            server = f.create();
            LOG.info("Xã Số SOAP RegisterService published at {}", config.address());
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
