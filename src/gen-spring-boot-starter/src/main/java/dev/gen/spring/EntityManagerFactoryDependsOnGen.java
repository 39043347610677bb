package dev.gen.spring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Makes every EntityManagerFactory bean depend on gen's initializer, so the schema is migrated before Hibernate
 * boots and validates it (what Spring Boot's {@code EntityManagerFactoryDependsOnPostProcessor} does for Flyway).
 * Written against spring-beans only, whose API both Spring Boot lines share.
 */
class EntityManagerFactoryDependsOnGen implements BeanFactoryPostProcessor, Ordered {

    private static final List<String> FACTORY_TYPES = List.of("jakarta.persistence.EntityManagerFactory",
            "org.springframework.orm.jpa.AbstractEntityManagerFactoryBean");

    private final String initializer;

    EntityManagerFactoryDependsOnGen(String initializer) {
        this.initializer = initializer;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        ClassLoader loader = beanFactory.getBeanClassLoader();
        Set<String> names = new LinkedHashSet<>();
        for (String type : FACTORY_TYPES) {
            if (ClassUtils.isPresent(type, loader)) {
                Class<?> factoryType = ClassUtils.resolveClassName(type, loader);
                names.addAll(Arrays.asList(BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory,
                        factoryType, true, false)));
            }
        }
        for (String name : names) {
            String beanName = BeanFactoryUtils.transformedBeanName(name);
            if (!beanFactory.containsBeanDefinition(beanName)) {
                continue;
            }
            BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
            List<String> dependsOn = new ArrayList<>(definition.getDependsOn() == null ? List.of()
                    : Arrays.asList(definition.getDependsOn()));
            if (!dependsOn.contains(initializer)) {
                dependsOn.add(initializer);
                definition.setDependsOn(dependsOn.toArray(String[]::new));
            }
        }
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
