fn main() {
    schema_build::run()
}
