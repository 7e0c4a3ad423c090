package cn.gd.xueshi.media;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.Multimap;

import io.minio.MinioAsyncClient;
import io.minio.http.Method;
import okhttp3.Headers;
import okhttp3.Response;

/**
 * S3 ListParts, read leniently. The MinIO client's own parser requires elements S3Proxy (the
 * embedded store) leaves out, so this sends the same signed request through the client and reads
 * only what resuming needs: each part's number, size and ETag, and whether more follow.
 */
final class PartLister extends MinioAsyncClient {

    record Page(List<ObjectStore.StoredPart> parts, boolean truncated, int nextMarker) {
    }

    PartLister(MinioAsyncClient client) {
        super(client);
    }

    Page list(String bucket, String region, String key, String uploadId, int marker) throws Exception {
        Multimap<String, String> query = HashMultimap.create();
        query.put("uploadId", uploadId);
        query.put("max-parts", "1000");
        if (marker > 0) {
            query.put("part-number-marker", String.valueOf(marker));
        }
        try (Response response = executeAsync(Method.GET, bucket, key, region, new Headers.Builder().build(), query, null, 0).get();
                InputStream body = response.body().byteStream()) {
            return parse(body);
        }
    }

    static Page parse(InputStream xml) throws Exception {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = factory.createXMLStreamReader(xml);
        List<ObjectStore.StoredPart> parts = new ArrayList<>();
        boolean truncated = false;
        int next = 0;
        int number = 0;
        long size = -1;
        String etag = null;
        boolean inPart = false;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "Part" -> {
                        inPart = true;
                        number = 0;
                        size = -1;
                        etag = null;
                    }
                    case "PartNumber" -> number = inPart ? Integer.parseInt(r.getElementText().trim()) : number;
                    case "Size" -> size = inPart ? Long.parseLong(r.getElementText().trim()) : size;
                    case "ETag" -> etag = inPart ? r.getElementText().trim() : etag;
                    case "IsTruncated" -> truncated = Boolean.parseBoolean(r.getElementText().trim());
                    case "NextPartNumberMarker" -> {
                        String text = r.getElementText().trim();
                        next = text.isEmpty() ? 0 : Integer.parseInt(text);
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "Part".equals(r.getLocalName())) {
                inPart = false;
                parts.add(new ObjectStore.StoredPart(number, size, etag));
            }
        }
        return new Page(parts, truncated, next);
    }
}
