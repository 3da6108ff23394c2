package io.ycbridge.yclients;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The pages of a paginated answer, fetched lazily one request at a time. It stops on a short (or empty) page: the
 * API's {@code meta.total_count} is not reliable. A page that repeats the previous one means the server is ignoring
 * {@code page}; that is reported instead of looping forever.
 */
public final class Pages<T> implements Iterable<List<T>> {
    private final IntFunction<List<T>> fetch;
    private final int pageSize;
    private final ToLongFunction<T> idOf;
    private final String what;

    Pages(IntFunction<List<T>> fetch, int pageSize, ToLongFunction<T> idOf, String what) {
        this.fetch = fetch;
        this.pageSize = pageSize;
        this.idOf = idOf;
        this.what = what;
    }

    @Override
    public Iterator<List<T>> iterator() {
        return new Iterator<>() {
            private int nextPage = 1;
            private boolean finished;
            private List<T> fetched;
            private List<T> previous;

            @Override
            public boolean hasNext() {
                if (fetched == null && !finished) {
                    List<T> page = fetch.apply(nextPage);
                    if (page.isEmpty()) {
                        finished = true;
                    } else {
                        if (previous != null && samePage(previous, page)) {
                            throw new YClientsException(0, null, "GET", what, "page " + nextPage
                                    + " repeated page " + (nextPage - 1) + ": the API ignored the page parameter");
                        }
                        fetched = page;
                        finished = page.size() < pageSize;
                        nextPage++;
                    }
                }
                return fetched != null;
            }

            @Override
            public List<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<T> page = fetched;
                previous = page;
                fetched = null;
                return page;
            }
        };
    }

    /** Every item of every page, fetching pages only as the stream is consumed. */
    public Stream<T> items() {
        return StreamSupport.stream(spliterator(), false).flatMap(List::stream);
    }

    public List<T> toList() {
        return items().toList();
    }

    private boolean samePage(List<T> a, List<T> b) {
        return a.size() == b.size()
                && idOf.applyAsLong(a.getFirst()) == idOf.applyAsLong(b.getFirst())
                && idOf.applyAsLong(a.getLast()) == idOf.applyAsLong(b.getLast());
    }
}
