//! WebSocket echo in Actix Web with actix-ws: the handler at /ws sends each message back.
use actix_web::{rt, web, App, Error, HttpRequest, HttpResponse, HttpServer};
use actix_ws::Message;
use futures_util::StreamExt as _;

async fn echo(req: HttpRequest, stream: web::Payload) -> Result<HttpResponse, Error> {
    let (response, mut session, mut msg_stream) = actix_ws::handle(&req, stream)?;

    rt::spawn(async move {
        while let Some(Ok(msg)) = msg_stream.next().await {
            let sent = match msg {
                Message::Text(text) => session.text(text).await,
                Message::Binary(bin) => session.binary(bin).await,
                Message::Ping(bytes) => session.pong(&bytes).await,
                Message::Close(reason) => {
                    let _ = session.close(reason).await;
                    return;
                }
                _ => Ok(()),
            };
            if sent.is_err() {
                return;
            }
        }
    });

    Ok(response)
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let port: u16 = std::env::var("PORT").map_or(8080, |port| port.parse().unwrap());

    HttpServer::new(|| App::new().route("/ws", web::get().to(echo)))
        .bind(("127.0.0.1", port))?
        .run()
        .await
}
