package org.xaso.units.internal;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.persistence.EntityManagerFactory;
import javax.persistence.SharedCacheMode;
import javax.persistence.ValidationMode;
import javax.persistence.spi.ClassTransformer;
import javax.persistence.spi.PersistenceUnitInfo;
import javax.persistence.spi.PersistenceUnitTransactionType;
import javax.sql.DataSource;

import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The persistence unit of the units bundle, started by the bundle itself on the DataSource it is given: no
 * persistence.xml and no JPA container, so that one javax.persistence API is in the server and no feature change
 * elsewhere ever rewires or restarts the JPA bundles.
 */
final class UnitsPersistence {

    static final String UNIT = "xaso-units";
    private static final List<String> CLASSES = List.of(UnitEntity.class.getName(), SuccessionEntity.class.getName(),
            HamletEntity.class.getName());

    private UnitsPersistence() {
    }

    static EntityManagerFactory create(DataSource dataSource) {
        Map<String, Object> props = Map.of(
                // EclipseLink creates missing tables and adds missing columns; it never drops anything
                "eclipselink.ddl-generation", "create-or-extend-tables",
                "eclipselink.ddl-generation.output-mode", "database",
                "eclipselink.weaving", "false",
                "eclipselink.logging.level", "WARNING",
                "eclipselink.logging.logger", "JavaLogger");
        ClassLoader loader = UnitsPersistence.class.getClassLoader();
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return new PersistenceProvider().createContainerEntityManagerFactory(new Info(dataSource, loader), props);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    /** What a persistence.xml would say. */
    private record Info(DataSource dataSource, ClassLoader loader) implements PersistenceUnitInfo {
        @Override
        public String getPersistenceUnitName() {
            return UNIT;
        }

        @Override
        public String getPersistenceProviderClassName() {
            return PersistenceProvider.class.getName();
        }

        @Override
        public PersistenceUnitTransactionType getTransactionType() {
            return PersistenceUnitTransactionType.RESOURCE_LOCAL;
        }

        @Override
        public DataSource getJtaDataSource() {
            return null;
        }

        @Override
        public DataSource getNonJtaDataSource() {
            return dataSource;
        }

        @Override
        public List<String> getMappingFileNames() {
            return List.of();
        }

        @Override
        public List<URL> getJarFileUrls() {
            return List.of();
        }

        @Override
        public URL getPersistenceUnitRootUrl() {
            return UnitsPersistence.class.getResource("/org/xaso/units/internal/");
        }

        @Override
        public List<String> getManagedClassNames() {
            return CLASSES;
        }

        @Override
        public boolean excludeUnlistedClasses() {
            return true;
        }

        @Override
        public SharedCacheMode getSharedCacheMode() {
            return SharedCacheMode.UNSPECIFIED;
        }

        @Override
        public ValidationMode getValidationMode() {
            return ValidationMode.NONE;
        }

        @Override
        public Properties getProperties() {
            return new Properties();
        }

        @Override
        public String getPersistenceXMLSchemaVersion() {
            return "2.2";
        }

        @Override
        public ClassLoader getClassLoader() {
            return loader;
        }

        @Override
        public void addTransformer(ClassTransformer transformer) {
            // no weaving
        }

        @Override
        public ClassLoader getNewTempClassLoader() {
            return loader;
        }
    }
}
