//! The XML a router speaks: its device description (which services it has,
//! where to call them) and the SOAP answer to `GetExternalIPAddress`.
//!
//! roxmltree rather than a hand-made extractor: routers write these
//! documents with any namespace prefix (`s:`, `SOAP-ENV:`, none), with
//! comments, CDATA and entities such as `&amp;` in URLs, and a string
//! search would get one of those wrong. roxmltree is read-only, has no
//! dependencies of its own and refuses a DTD by default, so a hostile
//! device on the network cannot make it expand entities.

use roxmltree::{Document, Node};

/// The services that answer `GetExternalIPAddress`, best first.
pub const WAN_SERVICES: [&str; 3] = [
    "urn:schemas-upnp-org:service:WANIPConnection:2",
    "urn:schemas-upnp-org:service:WANIPConnection:1",
    "urn:schemas-upnp-org:service:WANPPPConnection:1",
];

/// A WAN connection service and where to call it, as the description says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WanService {
    pub service_type: String,
    /// As written: absolute, or relative to `url_base`/the description.
    pub control_url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Description {
    /// The router's name for itself (`friendlyName` of the root device).
    pub name: Option<String>,
    /// Its maker and model, as the root device states them: what tells
    /// which router guide applies.
    pub manufacturer: Option<String>,
    pub model: Option<String>,
    /// `URLBase` (UPnP 1.0 only); relative URLs resolve against it.
    pub url_base: Option<String>,
    /// Every WAN connection service the router lists, best first.
    pub services: Vec<WanService>,
}

/// Local name and text of a child element.
fn child_text<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
        .and_then(|c| c.text())
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

pub fn parse_description(xml: &str) -> Result<Description, String> {
    let doc = Document::parse(xml).map_err(|e| e.to_string())?;
    let root = doc.root_element();
    if root.tag_name().name() != "root" {
        return Err(format!("root element is <{}>", root.tag_name().name()));
    }
    let device = root
        .children()
        .find(|c| c.is_element() && c.tag_name().name() == "device");
    let field = |name: &str| device.and_then(|d| child_text(d, name)).map(str::to_string);
    let name = field("friendlyName");
    let manufacturer = field("manufacturer");
    let model = field("modelName");
    let url_base = child_text(root, "URLBase").map(str::to_string);
    let mut services: Vec<WanService> = root
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "service")
        .filter_map(|s| {
            let service_type = child_text(s, "serviceType")?;
            let control_url = child_text(s, "controlURL")?;
            WAN_SERVICES.contains(&service_type).then(|| WanService {
                service_type: service_type.to_string(),
                control_url: control_url.to_string(),
            })
        })
        .collect();
    // Stable: among equals the description's order stays.
    services.sort_by_key(|s| WAN_SERVICES.iter().position(|t| *t == s.service_type));
    Ok(Description {
        name,
        manufacturer,
        model,
        url_base,
        services,
    })
}

/// What the SOAP call answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SoapAnswer {
    /// `NewExternalIPAddress`, trimmed; may be empty (not connected).
    Address(String),
    Fault {
        code: Option<String>,
        description: Option<String>,
    },
}

fn first_named<'a>(doc: &'a Document<'_>, name: &str) -> Option<Node<'a, 'a>> {
    doc.descendants()
        .find(|n| n.is_element() && n.tag_name().name() == name)
}

pub fn parse_soap(xml: &str) -> Result<SoapAnswer, String> {
    let doc = Document::parse(xml).map_err(|e| e.to_string())?;
    if first_named(&doc, "Fault").is_some() {
        let text = |name| {
            first_named(&doc, name)
                .and_then(|n| n.text())
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
        };
        return Ok(SoapAnswer::Fault {
            code: text("errorCode"),
            description: text("errorDescription").or_else(|| text("faultstring")),
        });
    }
    let ip =
        first_named(&doc, "NewExternalIPAddress").ok_or("no NewExternalIPAddress in the answer")?;
    Ok(SoapAnswer::Address(
        ip.text().unwrap_or_default().trim().to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shaped like a DSL router's IGD description: the WAN services two
    /// devices deep, both IP and PPP connection services, no URLBase.
    const IGD: &str = r#"<?xml version="1.0"?>
<root xmlns="urn:schemas-upnp-org:device-1-0">
 <specVersion><major>1</major><minor>0</minor></specVersion>
 <device>
  <deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>
  <friendlyName>Praxis-Router 7530</friendlyName>
  <manufacturer>AVM Berlin</manufacturer>
  <modelName>FRITZ!Box 7530</modelName>
  <serviceList><service>
   <serviceType>urn:schemas-any-com:service:Any:1</serviceType>
   <controlURL>/upnp/control/any</controlURL>
  </service></serviceList>
  <deviceList><device>
   <deviceType>urn:schemas-upnp-org:device:WANDevice:1</deviceType>
   <deviceList><device>
    <deviceType>urn:schemas-upnp-org:device:WANConnectionDevice:1</deviceType>
    <serviceList>
     <service>
      <serviceType>urn:schemas-upnp-org:service:WANPPPConnection:1</serviceType>
      <controlURL>/igdupnp/control/WANPPPConn1</controlURL>
     </service>
     <!-- the IP service is listed second but preferred -->
     <service>
      <serviceType>urn:schemas-upnp-org:service:WANIPConnection:1</serviceType>
      <controlURL>/igdupnp/control/WANIPConn1?a=1&amp;b=2</controlURL>
     </service>
    </serviceList>
   </device></deviceList>
  </device></deviceList>
 </device>
</root>"#;

    #[test]
    fn finds_the_wan_services_best_first() {
        let d = parse_description(IGD).unwrap();
        assert_eq!(d.name.as_deref(), Some("Praxis-Router 7530"));
        assert_eq!(d.manufacturer.as_deref(), Some("AVM Berlin"));
        assert_eq!(d.model.as_deref(), Some("FRITZ!Box 7530"));
        assert_eq!(d.url_base, None);
        let urls: Vec<_> = d.services.iter().map(|s| s.control_url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "/igdupnp/control/WANIPConn1?a=1&b=2",
                "/igdupnp/control/WANPPPConn1"
            ]
        );
    }

    #[test]
    fn a_description_without_wan_services_has_none() {
        let xml = r#"<root xmlns="urn:schemas-upnp-org:device-1-0"><URLBase>http://10.0.0.1:5000/</URLBase>
            <device><deviceType>urn:schemas-upnp-org:device:MediaServer:1</deviceType></device></root>"#;
        let d = parse_description(xml).unwrap();
        assert!(d.services.is_empty());
        assert_eq!(d.url_base.as_deref(), Some("http://10.0.0.1:5000/"));
    }

    #[test]
    fn broken_or_foreign_documents_are_errors() {
        assert!(parse_description("<root><device>").is_err());
        assert!(parse_description("<html><body>login</body></html>").is_err());
        assert!(parse_description("").is_err());
        let dtd = r#"<!DOCTYPE root [<!ENTITY a "aaaa">]><root>&a;</root>"#;
        assert!(parse_description(dtd).is_err(), "no DTDs");
    }

    #[test]
    fn reads_the_address_with_any_prefix() {
        let ok = r#"<?xml version="1.0"?>
<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body>
<m:GetExternalIPAddressResponse xmlns:m="urn:schemas-upnp-org:service:WANIPConnection:1">
<NewExternalIPAddress> 203.0.113.7 </NewExternalIPAddress>
</m:GetExternalIPAddressResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>"#;
        assert_eq!(
            parse_soap(ok).unwrap(),
            SoapAnswer::Address("203.0.113.7".into())
        );
        let empty = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><u:GetExternalIPAddressResponse xmlns:u="x"><NewExternalIPAddress></NewExternalIPAddress></u:GetExternalIPAddressResponse></s:Body></s:Envelope>"#;
        assert_eq!(parse_soap(empty).unwrap(), SoapAnswer::Address("".into()));
    }

    #[test]
    fn reads_a_fault() {
        let fault = r#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
<faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring>
<detail><UPnPError xmlns="urn:schemas-upnp-org:control-1-0">
<errorCode>606</errorCode><errorDescription>Action not authorized</errorDescription>
</UPnPError></detail></s:Fault></s:Body></s:Envelope>"#;
        assert_eq!(
            parse_soap(fault).unwrap(),
            SoapAnswer::Fault {
                code: Some("606".into()),
                description: Some("Action not authorized".into())
            }
        );
        assert!(parse_soap("<s:Envelope/>").is_err(), "unbound prefix");
        assert!(parse_soap("<Envelope><Body/></Envelope>").is_err());
    }
}
