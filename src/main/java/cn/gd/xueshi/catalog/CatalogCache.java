package cn.gd.xueshi.catalog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

/**
 * Published catalog data changes only when content is imported (at start), so reads are served
 * from memory. A new course version is a new id, so a cached course never goes stale. A singleton,
 * not application-scoped: readers use the maps directly, and through a client proxy they would read
 * the proxy's own maps, which {@link #clear()} never reaches.
 */
@Singleton
public class CatalogCache {

    final Map<Integer, CatalogViews.YearView> years = new ConcurrentHashMap<>();
    final Map<Long, CatalogViews.CourseView> courses = new ConcurrentHashMap<>();
    final Map<Long, CatalogViews.LessonView> lessons = new ConcurrentHashMap<>();
    final Map<Long, List<CatalogViews.KeyedQuestion>> banks = new ConcurrentHashMap<>();
    final Map<Long, String> captions = new ConcurrentHashMap<>();

    public void clear() {
        years.clear();
        courses.clear();
        lessons.clear();
        banks.clear();
        captions.clear();
    }
}
