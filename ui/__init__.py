"""The Gradio web UI: renders what the pipeline returns; no retrieval or answering logic lives here."""
