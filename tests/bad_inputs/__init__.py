"""Bad inputs that users give PEFTT Studio, generated into temporary folders by the tests."""
