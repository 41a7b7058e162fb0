# casefile's one binary, built once and shipped in two images:
#   --target casefile  (default, last stage): distroless, for annotate and sink
#   --target ocr       the same binary with pdftoppm and tesseract, for the
#                      extract stage, which reads scanned pages by OCR
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
COPY third_party ./third_party
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /casefile ./cmd/casefile

FROM debian:bookworm-slim AS ocr
RUN apt-get update \
 && apt-get install -y --no-install-recommends poppler-utils tesseract-ocr tesseract-ocr-eng ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /casefile /casefile
USER 65532:65532
ENTRYPOINT ["/casefile"]

FROM gcr.io/distroless/static-debian12:nonroot AS casefile
COPY --from=build /casefile /casefile
ENTRYPOINT ["/casefile"]
