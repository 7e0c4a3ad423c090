package cn.gd.xueshi.shared;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

/** Reads a page's form body as {@link FormFields}; every page form is read this way, never by {@code @FormParam}. */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class FormFieldsReader implements MessageBodyReader<FormFields> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == FormFields.class;
    }

    @Override
    public FormFields readFrom(Class<FormFields> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        return FormFields.parse(body.readAllBytes());
    }
}
