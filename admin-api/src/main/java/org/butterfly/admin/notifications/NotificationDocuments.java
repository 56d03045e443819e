package org.butterfly.admin.notifications;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import org.butterfly.admin.web.InvalidFieldException;
import org.butterfly.directory.account.Account;
import org.butterfly.protocol.reply.NotificationDocument;

/**
 * Turns a request into the {@code <NOTIFICATION>} document a recipient receives (msnp.md
 * §11.6): built from the fields with {@link NotificationDocument}, or an operator's own
 * document checked for well-formedness with a parser that refuses DTDs and external
 * entities.
 */
public final class NotificationDocuments {

	/**
	 * The largest document: the notification server's payload limit (msnp.md §2.5
	 * POLICY), which period clients' decoders are not known to exceed.
	 */
	public static final int MAX_DOCUMENT_BYTES = 1664;

	static final String DEFAULT_SITE_ID = "111100000";

	static final String DEFAULT_SITE_URL = "http://localhost/";

	static final int DEFAULT_LANGUAGE = 1033;

	private NotificationDocuments() {
	}

	/**
	 * Checks the request's shape: exactly one of {@code text} and {@code xml}, and a
	 * well-formed document when it is {@code xml}.
	 * @throws InvalidFieldException otherwise
	 */
	static void check(NotificationRequest request) {
		boolean hasText = request.text() != null && !request.text().isBlank();
		boolean hasXml = request.xml() != null && !request.xml().isBlank();
		if (hasText == hasXml) {
			throw new InvalidFieldException(hasText ? "xml" : "text", "give either text or xml");
		}
		if (hasXml) {
			checkXml(request.xml());
		}
	}

	/** The document id for a request: its own, or a random 32-bit one. */
	static long idOf(NotificationRequest request) {
		return (request.notificationId() != null) ? request.notificationId()
				: ThreadLocalRandom.current().nextLong(1, 1L << 32);
	}

	/**
	 * The document for one recipient.
	 * @param request the checked request
	 * @param id the document id
	 * @param recipient the recipient, for {@code <TO pid name>}
	 * @return the document
	 * @throws InvalidFieldException if the text makes it too long
	 */
	static String forRecipient(NotificationRequest request, long id, Account recipient) {
		if (request.xml() != null && !request.xml().isBlank()) {
			return request.xml();
		}
		NotificationDocument document;
		try {
			document = new NotificationDocument(id, orDefault(request.siteId(), DEFAULT_SITE_ID),
					orDefault(request.siteUrl(), DEFAULT_SITE_URL),
					NotificationDocument.pid(recipient.puid().high(), recipient.puid().low()), recipient.email(), id,
					orDefault(request.actionUrl(), ""), orDefault(request.subscriptionUrl(), ""),
					(request.language() != null) ? request.language() : DEFAULT_LANGUAGE, request.text());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFieldException("text", "makes <BODY> longer than " + NotificationDocument.MAX_BODY_BYTES
					+ " bytes once XML-escaped (msnp.md 11.6)");
		}
		String xml = document.toXml();
		if (byteLength(xml) > MAX_DOCUMENT_BYTES) {
			throw new InvalidFieldException("text", "makes the document longer than " + MAX_DOCUMENT_BYTES + " bytes");
		}
		return xml;
	}

	private static void checkXml(String xml) {
		if (byteLength(xml) > MAX_DOCUMENT_BYTES) {
			throw new InvalidFieldException("xml", "is longer than " + MAX_DOCUMENT_BYTES + " bytes");
		}
		Document document;
		try {
			DocumentBuilder builder = secureFactory().newDocumentBuilder();
			builder.setErrorHandler(new DefaultHandler());
			document = builder.parse(new InputSource(new StringReader(xml)));
		}
		catch (SAXException | IOException ex) {
			throw new InvalidFieldException("xml", "is not a well-formed XML document without a DTD");
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The XML parser cannot be made safe", ex);
		}
		if (!"NOTIFICATION".equals(document.getDocumentElement().getTagName())) {
			throw new InvalidFieldException("xml", "must be a <NOTIFICATION> document");
		}
		if (document.getElementsByTagName("MSG").getLength() != 1) {
			throw new InvalidFieldException("xml", "must have one <MSG>");
		}
		int bodyStart = xml.indexOf("<BODY");
		int bodyEnd = xml.indexOf("</BODY>");
		if (bodyStart >= 0 && bodyEnd > bodyStart
				&& byteLength(xml.substring(bodyStart, bodyEnd + 7)) > NotificationDocument.MAX_BODY_BYTES) {
			throw new InvalidFieldException("xml",
					"has a <BODY> longer than " + NotificationDocument.MAX_BODY_BYTES + " bytes (msnp.md 11.6)");
		}
	}

	private static DocumentBuilderFactory secureFactory() {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		try {
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The XML parser cannot be made safe", ex);
		}
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		factory.setNamespaceAware(false);
		return factory;
	}

	private static String orDefault(String value, String fallback) {
		return (value != null) ? value : fallback;
	}

	private static int byteLength(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

}
