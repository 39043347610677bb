package dev.gen.hibernate;

import dev.gen.scan.EntitySet;
import java.lang.reflect.Method;

/**
 * Runs this package against the application's own Hibernate: the entities' isolating loader loads a second copy of
 * it from gen-core's code source, linked to the application's hibernate-core, while the types it takes and returns
 * ({@link TargetSettings}, {@link TargetModel} of gen's model records, {@link UnsupportedMappingException}) are
 * gen's own, so the result crosses back as it is. What differs between the Hibernate versions' APIs is bridged in
 * {@link HibernateApi}.
 */
final class IsolatedHibernate {

    private IsolatedHibernate() {
    }

    static TargetModel build(EntitySet entities, TargetSettings settings) {
        Method build;
        try {
            Class<?> isolated = Class.forName(HibernateTarget.class.getName(), true, entities.loader());
            if (isolated == HibernateTarget.class) {
                throw new IllegalStateException("the isolating loader handed out gen's own " + isolated);
            }
            build = isolated.getMethod("buildWithOwnHibernate", EntitySet.class, TargetSettings.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("gen's Hibernate side cannot be loaded in isolation: " + e, e);
        }
        return (TargetModel) HibernateApi.invoke(build, null, entities, settings);
    }
}
